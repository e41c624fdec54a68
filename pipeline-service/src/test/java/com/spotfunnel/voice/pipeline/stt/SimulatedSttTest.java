package com.spotfunnel.voice.pipeline.stt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedSttTest {

    private final List<String> events = new ArrayList<>();
    private final SimulatedStt.EnergySession session = new SimulatedStt.EnergySession(
            new SttListener() {
                @Override
                public void onSpeechStarted() {
                    events.add("started");
                }

                @Override
                public void onPartial(String heardSoFar) {
                    events.add("heard: " + heardSoFar);
                }

                @Override
                public void onUtterance(String transcript) {
                    events.add(transcript);
                }

                @Override
                public void onSessionFailed(Throwable failure) {
                    events.add("failed");
                }
            },
            500,
            4800,
            List.of("one", "two"));

    @Test
    void speechIsLoudAudioAndAnUtteranceEndsAfter600msOfSilence() {
        frames((byte) 0xFF, 10); // silence: nothing
        assertEquals(List.of(), events);
        frames((byte) 0x10, 25); // 500 ms of speech
        assertEquals(List.of("started"), events);
        frames((byte) 0xFF, 29); // 580 ms of silence: still the same utterance, whose words are known at the pause
        assertEquals(List.of("started", "heard: one"), events);
        frames((byte) 0xFF, 1); // 600 ms
        assertEquals(List.of("started", "heard: one", "one"), events);
        frames((byte) 0x10, 2); // 40 ms: too short to count as speech
        frames((byte) 0xFF, 40);
        assertEquals(List.of("started", "heard: one", "one"), events);
        frames((byte) 0x10, 10);
        frames((byte) 0xFF, 30);
        assertEquals(List.of("started", "heard: one", "one", "started", "heard: two", "two"), events);
    }

    @Test
    void aPauseShorterThanTheEndpointKeepsTheUtteranceAndItsWords() {
        frames((byte) 0x10, 25);
        frames((byte) 0xFF, 10); // a 200 ms pause
        frames((byte) 0x10, 25);
        frames((byte) 0xFF, 30);
        assertEquals(List.of("started", "heard: one", "heard: one", "one"), events);
    }

    private void frames(byte value, int count) {
        for (int i = 0; i < count; i++) {
            byte[] frame = new byte[160];
            java.util.Arrays.fill(frame, value);
            session.send(frame);
        }
    }
}
