package com.spotfunnel.voice.pipeline.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SSE as the network delivers it: reads that end anywhere, also inside a multi-byte character. */
class SseParserTest {

    private static final String TEXT = "It’s José — café at nine, naïve 😀 ok";

    @Test
    void eventsSplitInsideMultiByteCharactersAreDecodedWhole() {
        String body = "data: {\"t\":\"" + TEXT + "\"}\r\n\r\n" + ": comment\n\n" + "data: second\n\n";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        for (int size = 1; size <= 7; size++) {
            SseParser parser = new SseParser();
            List<String> events = new ArrayList<>();
            for (int at = 0; at < bytes.length; at += size) {
                events.addAll(parser.feed(Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + size))));
            }
            events.addAll(parser.finish());
            assertEquals(List.of("{\"t\":\"" + TEXT + "\"}", "second"), events, "reads of " + size + " bytes");
        }
    }

    @Test
    void anEventLeftOpenWhenTheStreamEndsIsStillRead() {
        SseParser parser = new SseParser();
        assertEquals(List.of(), parser.feed("data: é".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("é"), parser.finish());
    }

    @Test
    void multiLineDataIsJoinedWithNewlines() {
        SseParser parser = new SseParser();
        assertEquals(List.of("a\nb"), parser.feed("data: a\ndata: b\n\n".getBytes(StandardCharsets.UTF_8)));
    }
}
