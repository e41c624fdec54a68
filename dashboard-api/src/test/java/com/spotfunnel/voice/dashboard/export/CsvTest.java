package com.spotfunnel.voice.dashboard.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void quotesOnlyWhatRfc4180Requires() {
        assertEquals(
                "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\r\nlines\",,42\r\n",
                Csv.line(Arrays.asList("plain", "a,b", "say \"hi\"", "two\r\nlines", null, 42)));
    }

    @Test
    void neutralisesCellsThatASpreadsheetWouldRunAsFormulas() {
        assertEquals(
                "'=HYPERLINK(\"\"x\"\"),'+15551230000,'-2+3,'@SUM(A1),'\tcmd,safe=1\r\n".replace("\"\"x\"\"", "x"),
                Csv.line(Arrays.asList("=HYPERLINK(x)", "+15551230000", "-2+3", "@SUM(A1)", "\tcmd", "safe=1")));
        assertEquals("\"'=1+1,\"\"x\"\"\"\r\n", Csv.line(Arrays.asList("=1+1,\"x\"")));
    }
}
