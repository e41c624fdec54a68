package com.spotfunnel.voice.dashboard.analytics;

import com.spotfunnel.voice.dashboard.calls.InputErrors;
import com.spotfunnel.voice.dashboard.config.DashboardConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/** Calls per day, outcome distribution, average duration and action-required rate over a date range. */
@ApplicationScoped
public class AnalyticsService {

    private final AnalyticsRepository analytics;
    private final DashboardConfig config;

    public AnalyticsService(AnalyticsRepository analytics, DashboardConfig config) {
        this.analytics = analytics;
        this.config = config;
    }

    public Uni<CallAnalytics> over(String tenantId, String fromParam, String toParam) {
        InputErrors errors = new InputErrors();
        Instant from = errors.instant("from", fromParam, false);
        Instant to = errors.instant("to", toParam, true);
        if (fromParam == null || fromParam.isBlank()) {
            errors.add("from", "is required");
        }
        if (toParam == null || toParam.isBlank()) {
            errors.add("to", "is required");
        }
        if (from != null && to != null) {
            if (!from.isBefore(to)) {
                errors.add("to", "must be after from");
            } else if (Duration.between(from, to).toDays() > config.maxAnalyticsDays()) {
                errors.add("to", "the range may span at most " + config.maxAnalyticsDays() + " days");
            }
        }
        errors.throwIfAny();
        return Uni.combine()
                .all()
                .unis(
                        analytics.totals(tenantId, from, to),
                        analytics.perDay(tenantId, from, to),
                        analytics.outcomes(tenantId, from, to))
                .with((totals, days, outcomes) -> new CallAnalytics(
                        from,
                        to,
                        totals.calls(),
                        days,
                        outcomes,
                        totals.averageDuration(),
                        totals.actionRequired(),
                        totals.calls() == 0 ? null : (double) totals.actionRequired() / totals.calls()));
    }
}
