package com.spotfunnel.voice.pipeline.llm;

/** One message of the conversation as the LLM sees it. */
public record ChatMessage(Role role, String text) {

    public enum Role {
        USER,
        ASSISTANT
    }

    public static ChatMessage user(String text) {
        return new ChatMessage(Role.USER, text);
    }

    public static ChatMessage assistant(String text) {
        return new ChatMessage(Role.ASSISTANT, text);
    }
}
