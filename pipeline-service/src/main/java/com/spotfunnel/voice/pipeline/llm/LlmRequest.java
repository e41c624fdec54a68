package com.spotfunnel.voice.pipeline.llm;

import java.util.ArrayList;
import java.util.List;

/** What an LLM is asked: the system prompt (tenant prompt + knowledge + caller memory) and the conversation. */
public record LlmRequest(String systemPrompt, List<ChatMessage> messages) {

    public LlmRequest {
        messages = List.copyOf(messages);
    }

    /**
     * The request for the next provider after one died mid-answer: the words already produced go along as the
     * assistant's (cut) answer, and the model is told to continue from exactly there without repeating them.
     */
    public LlmRequest continuing(String alreadyProduced) {
        List<ChatMessage> next = new ArrayList<>(messages);
        next.add(ChatMessage.assistant(alreadyProduced));
        next.add(ChatMessage.user("(Your answer above was cut off. Continue it from exactly where it stopped, "
                + "without repeating any of it. Reply with the continuation only.)"));
        return new LlmRequest(systemPrompt, next);
    }

    /** A rough size for cost estimates when a provider reported no usage (≈ 4 characters per token). */
    public long estimatedPromptTokens() {
        long chars = systemPrompt.length()
                + messages.stream().mapToLong(m -> m.text().length()).sum();
        return Math.max(1, chars / 4);
    }

    public String lastUserText() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role() == ChatMessage.Role.USER) {
                return messages.get(i).text();
            }
        }
        return "";
    }
}
