package com.spotfunnel.voice.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SimulatedCallTest {

    @Test
    void theAgentsAudioIsMeasuredFromItsPayloadWithoutDecodingIt() {
        for (int length = 0; length <= 1700; length += 97) {
            String payload = Base64.getEncoder().encodeToString(new byte[length]);
            assertEquals(length, SimulatedCall.decodedLength(payload), payload);
        }
    }
}
