package com.spotfunnel.voice.events.payload;

import java.math.BigDecimal;
import java.util.Objects;

/** A call's costs in US dollars by stage; {@code total} is always stt + llm + tts. */
public record CallCosts(BigDecimal stt, BigDecimal llm, BigDecimal tts) {

    public static final CallCosts ZERO = new CallCosts(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    public CallCosts {
        Objects.requireNonNull(stt, "stt");
        Objects.requireNonNull(llm, "llm");
        Objects.requireNonNull(tts, "tts");
    }

    @com.fasterxml.jackson.annotation.JsonProperty("total")
    public BigDecimal total() {
        return stt.add(llm).add(tts);
    }

    public CallCosts plus(Stage stage, BigDecimal usd) {
        return switch (stage) {
            case STT -> new CallCosts(stt.add(usd), llm, tts);
            case LLM -> new CallCosts(stt, llm.add(usd), tts);
            case TTS -> new CallCosts(stt, llm, tts.add(usd));
        };
    }
}
