package com.spotfunnel.voice.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamInstructionsTest {

    @Test
    void readsStreamUrlAndParameters() {
        StreamInstructions twiml = StreamInstructions.parse("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>"
                + "<Connect><Stream url=\"wss://voice.example.com/twilio/media\">"
                + "<Parameter name=\"tenantId\" value=\"acme\"/><Parameter name=\"callId\" value=\"c1\"/>"
                + "</Stream></Connect></Response>");

        assertEquals("wss://voice.example.com/twilio/media", twiml.streamUrl().orElseThrow());
        assertEquals(Map.of("tenantId", "acme", "callId", "c1"), twiml.parameters());
    }

    @Test
    void readsSayAndHangup() {
        StreamInstructions twiml = StreamInstructions.parse(
                "<Response><Say>Sorry, this number is not in service.</Say><Hangup/></Response>");

        assertTrue(twiml.streamUrl().isEmpty());
        assertTrue(twiml.hangsUp());
        assertEquals("Sorry, this number is not in service.", twiml.said());
    }
}
