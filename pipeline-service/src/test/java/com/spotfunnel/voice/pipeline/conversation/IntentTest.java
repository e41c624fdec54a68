package com.spotfunnel.voice.pipeline.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class IntentTest {

    private static final List<String> BYE = List.of("goodbye", "bye bye", "that's all");
    private static final List<String> HUMAN = List.of("human", "real person", "representative");

    @Test
    void phrasesDecideTheIntent() {
        assertEquals(Intent.GOODBYE, Intent.of("OK, that's all. Goodbye!", BYE, HUMAN));
        assertEquals(Intent.TRANSFER, Intent.of("Can I talk to a real person?", BYE, HUMAN));
        assertEquals(Intent.TRANSFER, Intent.of("Goodbye, no wait, a human please", BYE, HUMAN));
        assertEquals(Intent.CONVERSE, Intent.of("Are you humane to animals?", BYE, HUMAN));
        assertEquals(Intent.CONVERSE, Intent.of("What are your hours?", BYE, HUMAN));
    }
}
