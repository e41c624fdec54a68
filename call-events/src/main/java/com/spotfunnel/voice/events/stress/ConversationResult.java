package com.spotfunnel.voice.events.stress;

import java.math.BigDecimal;
import java.util.List;

/**
 * One finished conversation: who called, what was said, the judge's verdict.
 *
 * @param transcript the turns as text, one {@code Caller: …} / {@code Agent: …} line each
 * @param ending     how the call ended: {@code transfer}, {@code hangup} (goodbye), {@code max_turns}, {@code error}
 * @param error      why the conversation broke (an LLM chain failed, it timed out), else null; counts as FAIL
 * @param costUsd    what its LLM calls cost (agent, persona and judge)
 */
public record ConversationResult(
        int index,
        String persona,
        List<Turn> turns,
        String transcript,
        String ending,
        Verdict result,
        String error,
        BigDecimal costUsd) {

    /** @param speaker {@code caller} or {@code agent} */
    public record Turn(String speaker, String text) {}
}
