package com.spotfunnel.voice.support.projection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/**
 * A projection's meters, registered up front so every series exists (at 0) before its first increment:
 * {@code <prefix>_projection_events_total{outcome=applied|duplicate|rejected}} (rejected: parked after the
 * projection failed on it), {@code <prefix>_projection_retries_total} and, the same name in every service for
 * one alert, {@code projection_records_parked_total{consumer,reason}}.
 */
final class ProjectionMeters {

    private final Counter applied;
    private final Counter duplicates;
    private final Counter rejected;
    private final Counter retries;
    private final Map<RecordFailure, Counter> parked = new EnumMap<>(RecordFailure.class);

    ProjectionMeters(MeterRegistry meters, ProjectionSettings settings) {
        String events = settings.meterPrefix() + "_projection_events_total";
        this.applied = outcome(meters, events, "applied");
        this.duplicates = outcome(meters, events, "duplicate");
        this.rejected = outcome(meters, events, "rejected");
        this.retries = Counter.builder(settings.meterPrefix() + "_projection_retries_total")
                .description("projection writes retried (PostgreSQL unavailable or busy)")
                .register(meters);
        for (RecordFailure reason : RecordFailure.values()) {
            if (reason.poison()) {
                parked.put(
                        reason,
                        Counter.builder("projection_records_parked_total")
                                .description("call-events records a projection could not apply, parked for an operator")
                                .tag("consumer", settings.consumer())
                                .tag("reason", reason.reason())
                                .register(meters));
            }
        }
    }

    void applied(int events, int fresh) {
        applied.increment(fresh);
        duplicates.increment(events - fresh);
    }

    void retried() {
        retries.increment();
    }

    void parked(RecordFailure reason) {
        parked.get(reason).increment();
        if (reason != RecordFailure.MALFORMED) {
            rejected.increment();
        }
    }

    private static Counter outcome(MeterRegistry meters, String name, String outcome) {
        return Counter.builder(name)
                .description("call events written to the read model")
                .tag("outcome", outcome)
                .register(meters);
    }
}
