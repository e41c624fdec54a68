package com.spotfunnel.voice.pipeline.conversation;

import java.util.List;
import java.util.Locale;

/** What the caller's words ask of the call itself, before the LLM sees them. */
public enum Intent {
    CONVERSE,
    GOODBYE,
    TRANSFER;

    /** Transfer wins over goodbye ("bye, put me through to a person"). */
    public static Intent of(String utterance, List<String> goodbyePhrases, List<String> transferPhrases) {
        String text = " " + utterance.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}' ]+", " ") + " ";
        if (transferPhrases.stream().anyMatch(p -> text.contains(" " + p.strip() + " "))) {
            return TRANSFER;
        }
        if (goodbyePhrases.stream().anyMatch(p -> text.contains(" " + p.strip() + " "))) {
            return GOODBYE;
        }
        return CONVERSE;
    }
}
