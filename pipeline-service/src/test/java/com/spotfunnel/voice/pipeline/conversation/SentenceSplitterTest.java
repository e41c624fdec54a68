package com.spotfunnel.voice.pipeline.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.mutiny.Multi;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    @Test
    void sentencesAreCutAtTheirEndAcrossDeltas() {
        List<String> sentences = SentenceSplitter.sentences(
                        Multi.createFrom().items("We are op", "en 9.5 hours a day. ", "Really? Yes", "! And the rest"))
                .collect()
                .asList()
                .await()
                .indefinitely();
        assertEquals(List.of("We are open 9.5 hours a day.", "Really?", "Yes!", "And the rest"), sentences);
    }

    @Test
    void aWholeTextSplitsTheSameWay() {
        assertEquals(List.of("Hello there.", "How are you?"), SentenceSplitter.all("Hello there. How are you?"));
    }
}
