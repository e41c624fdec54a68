package com.spotfunnel.voice.events.payload;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A stage of the conversation pipeline. */
public enum Stage {
    @JsonProperty("stt")
    STT,
    @JsonProperty("llm")
    LLM,
    @JsonProperty("tts")
    TTS
}
