package com.spotfunnel.voice.dashboard.calls;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.vertx.mutiny.sqlclient.Row;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A call as the list shows it. {@code requiresAction} is true while an action item is open.
 * {@code twilioDurationSeconds} is Twilio's billed CallDuration (null until Twilio's status callback is in).
 */
@JsonSerialize(using = CallSummaryJson.class)
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

    /**
     * Reads a row of {@link CallSql#SELECT} by position (its columns come first, in this order): a lookup by name
     * scans the column names for each of the 16 fields of up to 200 rows per page.
     */
    public static CallSummary from(Row row) {
        return new CallSummary(
                row.getString(0), // call_id
                row.getString(1), // call_sid
                row.getString(2), // caller_phone
                row.getString(3), // direction
                row.getString(4), // status
                instant(row.getOffsetDateTime(5)), // started_at
                instant(row.getOffsetDateTime(6)), // ended_at
                row.getLong(7), // duration_seconds
                row.getLong(8), // twilio_duration_seconds
                row.getString(9), // reason_for_calling
                row.getString(10), // summary
                row.getString(11), // outcome
                row.getString(12), // priority
                row.getBigDecimal(13), // total_cost
                Boolean.TRUE.equals(row.getBoolean(14)), // open_action
                Boolean.TRUE.equals(row.getBoolean(15))); // archived
    }

    static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
