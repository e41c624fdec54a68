package com.spotfunnel.voice.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class CallerAudioTest {

    @Test
    void muLawEncodesSilenceAndExtremesAsG711Does() {
        assertEquals((byte) 0xFF, CallerAudio.linearToMulaw((short) 0));
        assertEquals((byte) 0x80, CallerAudio.linearToMulaw(Short.MAX_VALUE));
        assertEquals((byte) 0x00, CallerAudio.linearToMulaw((short) -32768));
    }

    @Test
    void speechCarriesEnergyAndSilenceNone() {
        byte[] speech = CallerAudio.speech(3);
        long distinct = new String(speech, java.nio.charset.StandardCharsets.ISO_8859_1)
                .chars()
                .distinct()
                .count();
        assertEquals(CallerAudio.FRAME_BYTES, speech.length);
        assertTrue(distinct > 20, "a tone has many different sample values");
        for (byte b : CallerAudio.silence()) {
            assertEquals((byte) 0xFF, b);
        }
    }

    @Test
    void theEncodedPayloadsAreTheFramesThemselves() {
        for (int index = 0; index < 12; index++) {
            assertEquals(
                    Base64.getEncoder().encodeToString(CallerAudio.speech(index)), CallerAudio.speechBase64(index));
        }
        assertEquals(Base64.getEncoder().encodeToString(CallerAudio.silence()), CallerAudio.silenceBase64());
    }
}
