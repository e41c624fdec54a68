package com.spotfunnel.voice.events.payload;

/**
 * One finished turn of the conversation.
 *
 * @param turnIndex   position in the conversation, from 0; with the callId it identifies the turn
 * @param speaker     who spoke
 * @param text        what was said (for the agent: what the caller actually heard)
 * @param offsetMs    when the turn started, in ms since the call started
 * @param durationMs  how long it lasted
 * @param interrupted true when the caller barged in and the agent's turn was cut short
 */
public record TranscriptTurn(
        int turnIndex, Speaker speaker, String text, long offsetMs, long durationMs, boolean interrupted)
        implements EventPayload {}
