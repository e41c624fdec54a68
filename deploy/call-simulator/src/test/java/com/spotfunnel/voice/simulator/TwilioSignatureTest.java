package com.spotfunnel.voice.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TwilioSignatureTest {

    @Test
    void matchesTwilioDocumentedTestVector() {
        Map<String, String> params = Map.of(
                "CallSid", "CA1234567890ABCDE",
                "Caller", "+14158675310",
                "Digits", "1234",
                "From", "+14158675310",
                "To", "+18005551212");

        assertEquals(
                "L/OH5YylLD5NRKLltdqwSvS0BnU=",
                TwilioSignature.sign("12345", "https://example.com/myapp.php?foo=1&bar=2", params));
    }
}
