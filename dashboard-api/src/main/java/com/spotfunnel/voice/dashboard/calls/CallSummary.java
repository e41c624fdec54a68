package com.spotfunnel.voice.dashboard.calls;

import io.vertx.mutiny.sqlclient.Row;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A call as the list shows it. {@code requiresAction} is true while an action item is open.
 * {@code twilioDurationSeconds} is Twilio's billed CallDuration (null until Twilio's status callback is in).
 */
public record CallSummary(
        String callId,
        String callSid,
        String callerPhone,
        String direction,
        String status,
        Instant startedAt,
        Instant endedAt,
        Long durationSeconds,
        Long twilioDurationSeconds,
        String reasonForCalling,
        String summary,
        String outcome,
        String priority,
        BigDecimal totalCost,
        boolean requiresAction,
        boolean archived) {

    /** Reads a row of {@link CallSql#SELECT}. */
    public static CallSummary from(Row row) {
        return new CallSummary(
                row.getString("call_id"),
                row.getString("call_sid"),
                row.getString("caller_phone"),
                row.getString("direction"),
                row.getString("status"),
                instant(row.getOffsetDateTime("started_at")),
                instant(row.getOffsetDateTime("ended_at")),
                row.getLong("duration_seconds"),
                row.getLong("twilio_duration_seconds"),
                row.getString("reason_for_calling"),
                row.getString("summary"),
                row.getString("outcome"),
                row.getString("priority"),
                row.getBigDecimal("total_cost"),
                Boolean.TRUE.equals(row.getBoolean("open_action")),
                Boolean.TRUE.equals(row.getBoolean("archived")));
    }

    static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
