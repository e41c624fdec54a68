package com.spotfunnel.voice.pipeline.conversation;

import io.smallrye.mutiny.Multi;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts streamed LLM text into sentences for TTS: a sentence ends at {@code . ! ?} followed by white space, or at
 * the end of the stream. The first sentence can be spoken while the model is still writing the second.
 */
public final class SentenceSplitter {

    private final StringBuilder pending = new StringBuilder();

    public static Multi<String> sentences(Multi<String> deltas) {
        return Multi.createFrom().deferred(() -> {
            SentenceSplitter splitter = new SentenceSplitter();
            return deltas.onItem()
                    .transformToIterable(splitter::push)
                    .onCompletion()
                    .switchTo(() -> Multi.createFrom().iterable(splitter.flush()));
        });
    }

    public static List<String> all(String text) {
        SentenceSplitter splitter = new SentenceSplitter();
        List<String> sentences = new ArrayList<>(splitter.push(text));
        sentences.addAll(splitter.flush());
        return sentences;
    }

    public List<String> push(String delta) {
        pending.append(delta);
        List<String> sentences = new ArrayList<>();
        int from = 0;
        for (int i = 0; i + 1 < pending.length(); i++) {
            char c = pending.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && Character.isWhitespace(pending.charAt(i + 1))) {
                String sentence = pending.substring(from, i + 1).strip();
                if (!sentence.isEmpty()) {
                    sentences.add(sentence);
                }
                from = i + 1;
            }
        }
        pending.delete(0, from);
        return sentences;
    }

    public List<String> flush() {
        String rest = pending.toString().strip();
        pending.setLength(0);
        return rest.isEmpty() ? List.of() : List.of(rest);
    }
}
