package com.spotfunnel.voice.pipeline.llm;

/** What a streaming LLM produces: pieces of text, and at the end what it used. */
public sealed interface LlmEvent {

    record Delta(String text) implements LlmEvent {}

    record Usage(String provider, String model, long promptTokens, long completionTokens, boolean estimated)
            implements LlmEvent {}
}
