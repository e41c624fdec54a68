package com.spotfunnel.voice.events.payload;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Which part of the AI failed, which decides the message the caller hears. */
public enum FailureKind {
    /** Every LLM provider failed. */
    @JsonProperty("llm")
    LLM,
    /** Every TTS provider failed. */
    @JsonProperty("tts")
    TTS,
    /** Speech recognition failed. */
    @JsonProperty("stt")
    STT,
    /** Anything else, including the pipeline connection dying. */
    @JsonProperty("other")
    OTHER
}
