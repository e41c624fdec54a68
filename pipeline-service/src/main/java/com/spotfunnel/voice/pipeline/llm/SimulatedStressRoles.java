package com.spotfunnel.voice.pipeline.llm;

import com.spotfunnel.voice.pipeline.stress.CallerPersona;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The simulated LLM's stress-test roles, deterministic so the local stack can run a stress test without keys:
 * as the caller persona it says the persona's sample lines in order, then {@link CallerPersona#LAST_LINE}; as the
 * judge it passes a conversation whose every caller line got an agent answer, and fails it otherwise.
 */
final class SimulatedStressRoles {

    private SimulatedStressRoles() {}

    static String callerLine(LlmRequest request) {
        List<String> lines = request.systemPrompt()
                .lines()
                .filter(line -> line.startsWith(CallerPersona.LINE_PREFIX))
                .map(line -> line.substring(CallerPersona.LINE_PREFIX.length()).strip())
                .toList();
        long said = request.messages().stream()
                .filter(m -> m.role() == ChatMessage.Role.ASSISTANT)
                .count();
        return said < lines.size() ? lines.get((int) said) : CallerPersona.LAST_LINE;
    }

    static String verdict(LlmRequest request) {
        List<String> transcript = request.lastUserText()
                .lines()
                .filter(line -> line.startsWith("Caller: ") || line.startsWith("Agent: "))
                .toList();
        boolean answered =
                !transcript.isEmpty() && transcript.get(transcript.size() - 1).startsWith("Agent: ");
        for (int i = 0; i + 1 < transcript.size(); i++) {
            if (transcript.get(i).startsWith("Caller: ")
                    && transcript.get(i + 1).startsWith("Caller: ")) {
                answered = false;
            }
        }
        int score = answered ? 4 : 2;
        return new JsonObject()
                .put("politeness", score)
                .put("accuracy", score)
                .put("escalation", score)
                .put("pass", answered)
                .put(
                        "reason",
                        answered
                                ? "Simulated judge: every caller line was answered."
                                : "Simulated judge: a caller line went unanswered.")
                .encode();
    }
}
