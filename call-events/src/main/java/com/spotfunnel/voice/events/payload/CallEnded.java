package com.spotfunnel.voice.events.payload;

/**
 * The call is over.
 *
 * @param endedReason     {@code caller_hangup}, {@code agent_goodbye}, {@code transfer}, {@code ai_failure}, …
 * @param durationSeconds from CallStarted to the end, as the gateway measured it
 * @param costs           everything the call cost, total = stt + llm + tts
 */
public record CallEnded(CallStatus status, String endedReason, long durationSeconds, CallCosts costs)
        implements EventPayload {}
