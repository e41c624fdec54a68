package com.spotfunnel.voice.pipeline.stress;

import com.spotfunnel.voice.events.stress.ConversationResult.Turn;
import com.spotfunnel.voice.events.stress.PersonaSpec;
import com.spotfunnel.voice.pipeline.llm.ChatMessage;
import com.spotfunnel.voice.pipeline.llm.LlmRequest;
import java.util.List;

/**
 * The request that makes an LLM play the caller: the persona's brief as system prompt, and the conversation so far
 * from the caller's side (the agent's words as the user's, the caller's own as the assistant's).
 */
public final class CallerPersona {

    /** The system prompt's first words; the simulated LLM recognises a persona request by them. */
    public static final String ROLE = "You are role-playing a caller";
    /** Sample lines are listed one per line after this prefix (the simulated LLM says them in order). */
    public static final String LINE_PREFIX = "> ";
    /** What a caller with no lines left says (a goodbye phrase, so the agent ends the call). */
    public static final String LAST_LINE = "Thanks, that's all. Goodbye.";

    private CallerPersona() {}

    public static LlmRequest request(PersonaSpec persona, String business, String industry, List<Turn> turns) {
        StringBuilder prompt = new StringBuilder(ROLE)
                .append(
                        " in a test of a business's AI phone receptionist. You are the caller, never the receptionist.\n")
                .append("The business: ")
                .append(business);
        if (industry != null && !industry.isBlank()) {
            prompt.append(", a ").append(industry).append(" business");
        }
        prompt.append(".\nWho you are and what you want: ")
                .append(persona.description())
                .append('\n');
        if (persona.lines() != null && !persona.lines().isEmpty()) {
            prompt.append("Things you might say, in this order (use your own words, react to what you hear):\n");
            persona.lines()
                    .forEach(line -> prompt.append(LINE_PREFIX).append(line).append('\n'));
        }
        prompt.append(
                "Say only your next line as the caller: one to three short spoken sentences, no stage directions, "
                        + "no quotes, no narration. Stay in character. When you are done, end with \"" + LAST_LINE
                        + "\"");
        List<ChatMessage> messages = turns.stream()
                .map(t -> StressConversation.CALLER.equals(t.speaker())
                        ? ChatMessage.assistant(t.text())
                        : ChatMessage.user(t.text()))
                .toList();
        return new LlmRequest(prompt.toString(), messages);
    }
}
