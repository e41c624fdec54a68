package com.spotfunnel.voice.pipeline.tts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnspokenTextTest {

    @Test
    void theNextProviderSpeaksOnlyTheWordsNotYetCovered() {
        String sentence = "We open at nine tomorrow."; // 25 characters
        assertEquals(sentence, UnspokenText.after(sentence, 0, 100));
        assertEquals("at nine tomorrow.", UnspokenText.after(sentence, 800, 100)); // 8 chars: "We open " covered
        assertEquals("nine tomorrow.", UnspokenText.after(sentence, 900, 100)); // mid-word: skip to the next word
        assertEquals("", UnspokenText.after(sentence, 2500, 100));
    }
}
