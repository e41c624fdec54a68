package com.spotfunnel.voice.events.tenant;

import java.util.List;

/** Provider names per stage, first tried first ({@code deepgram}, {@code openai}, {@code gemini}, …). */
public record ProviderOrder(List<String> stt, List<String> llm, List<String> tts) {

    public ProviderOrder {
        stt = stt == null ? List.of() : List.copyOf(stt);
        llm = llm == null ? List.of() : List.copyOf(llm);
        tts = tts == null ? List.of() : List.copyOf(tts);
    }
}
