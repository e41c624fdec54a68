package com.spotfunnel.voice.dashboard.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A tenant's calls over {@code [from, to)}, archived ones included. Days are UTC.
 *
 * @param averageDurationSeconds over ended calls; null when none ended
 * @param actionRequiredRate     calls with an open action item / all calls, 0 to 1; null when there are none
 */
public record CallAnalytics(
        Instant from,
        Instant to,
        long totalCalls,
        List<DayCount> callsPerDay,
        List<OutcomeCount> outcomes,
        Double averageDurationSeconds,
        long actionRequiredCalls,
        Double actionRequiredRate) {

    public record DayCount(LocalDate day, long calls) {}

    /** {@code outcome} is {@code unknown} for calls not analysed (yet). */
    public record OutcomeCount(String outcome, long calls) {}
}
