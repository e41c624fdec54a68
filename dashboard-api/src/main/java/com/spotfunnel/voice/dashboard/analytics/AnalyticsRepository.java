package com.spotfunnel.voice.dashboard.analytics;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Aggregates over a tenant's calls, one indexed range scan (tenant_id, started_at) per figure. */
@ApplicationScoped
public class AnalyticsRepository {

    private static final String RANGE = " FROM dashboard.call_logs c"
            + " LEFT JOIN dashboard.call_actions a ON a.call_id = c.call_id AND a.tenant_id = c.tenant_id"
            + " WHERE c.tenant_id = $1 AND c.started_at >= $2 AND c.started_at < $3";

    private static final String TOTALS = "SELECT count(*) AS calls, avg(c.duration_seconds)::float8 AS avg_duration,"
            + " count(*) FILTER (WHERE (c.requires_action OR a.marked_at IS NOT NULL) AND a.resolved_at IS NULL)"
            + " AS action_required" + RANGE;

    private static final String PER_DAY = "SELECT (c.started_at AT TIME ZONE 'UTC')::date AS day, count(*) AS calls"
            + RANGE + " GROUP BY 1 ORDER BY 1";

    private static final String OUTCOMES = "SELECT coalesce(c.outcome, 'unknown') AS outcome, count(*) AS calls" + RANGE
            + " GROUP BY 1 ORDER BY 2 DESC, 1";

    record Totals(long calls, Double averageDuration, long actionRequired) {}

    private final Pool pool;

    public AnalyticsRepository(Pool pool) {
        this.pool = pool;
    }

    Uni<Totals> totals(String tenantId, Instant from, Instant to) {
        return pool.preparedQuery(TOTALS).execute(args(tenantId, from, to)).map(rows -> {
            Row row = rows.iterator().next();
            return new Totals(row.getLong("calls"), row.getDouble("avg_duration"), row.getLong("action_required"));
        });
    }

    Uni<List<CallAnalytics.DayCount>> perDay(String tenantId, Instant from, Instant to) {
        return pool.preparedQuery(PER_DAY).execute(args(tenantId, from, to)).map(rows -> {
            List<CallAnalytics.DayCount> days = new ArrayList<>();
            rows.forEach(r -> days.add(new CallAnalytics.DayCount(r.getLocalDate("day"), r.getLong("calls"))));
            return days;
        });
    }

    Uni<List<CallAnalytics.OutcomeCount>> outcomes(String tenantId, Instant from, Instant to) {
        return pool.preparedQuery(OUTCOMES).execute(args(tenantId, from, to)).map(rows -> {
            List<CallAnalytics.OutcomeCount> outcomes = new ArrayList<>();
            rows.forEach(r -> outcomes.add(new CallAnalytics.OutcomeCount(r.getString("outcome"), r.getLong("calls"))));
            return outcomes;
        });
    }

    private static Tuple args(String tenantId, Instant from, Instant to) {
        return Tuple.of(tenantId, from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC));
    }
}
