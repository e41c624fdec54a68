package com.spotfunnel.voice.dashboard.calls;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything about one call: the projected facts, the transcript, the costs, and what people wrote.
 * {@code twilioStatus} / {@code twilioDurationSeconds}: Twilio's final status and billed CallDuration (null until
 * Twilio's status callback is in). {@code transferOutcome}: the newest outcome of the call's transfer (initiated,
 * answered, no-answer, busy, failed, canceled, completed); {@code transferReturnedToAgent}: the transfer did not
 * connect and the caller went back to the agent, which took a message (null when not recorded).
 */
public record CallDetail(
        String callId,
        String tenantId,
        String callSid,
        String callerPhone,
        String dialedNumber,
        String direction,
        String status,
        Instant startedAt,
        Instant endedAt,
        Long durationSeconds,
        String twilioStatus,
        Long twilioDurationSeconds,
        String endedReason,
        String summary,
        String reasonForCalling,
        String outcome,
        Map<String, Object> capturedData,
        String priority,
        String transferredTo,
        String transferOutcome,
        Boolean transferReturnedToAgent,
        boolean fallbackPlayed,
        Costs costs,
        ActionState action,
        Archive archive,
        List<Turn> transcript) {

    /** The call's costs in US dollars; null parts until the call has ended. */
    public record Costs(BigDecimal stt, BigDecimal llm, BigDecimal tts, BigDecimal total, List<CostItem> items) {}

    public record CostItem(
            int turnIndex,
            String stage,
            String provider,
            String model,
            BigDecimal quantity,
            String unit,
            BigDecimal costUsd) {}

    public record Turn(
            int turnIndex, String speaker, String text, long offsetMs, long durationMs, boolean interrupted) {}

    /**
     * @param requiresAction true while the item is open (flagged by the analysis or marked by a person)
     * @param flaggedByAnalysis the analysis said the call needs a follow-up
     */
    public record ActionState(
            boolean requiresAction,
            boolean flaggedByAnalysis,
            String markedBy,
            Instant markedAt,
            String markNote,
            String resolvedBy,
            Instant resolvedAt,
            String resolutionNote) {}

    public record Archive(boolean archived, String archivedBy, Instant archivedAt) {}
}
