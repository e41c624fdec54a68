package com.spotfunnel.voice.admin.analytics;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** SystemError and ProviderFailed occurrences: grouped by type and severity, listed, resolved. */
@ApplicationScoped
public class SystemErrors {

    /** One type and severity: how often, how many still open, when first and last, the latest message. */
    public record ErrorGroup(
            String errorType,
            String severity,
            long occurrences,
            long open,
            Instant firstSeen,
            Instant lastSeen,
            String latestMessage,
            long tenants) {}

    public record Occurrence(
            UUID id,
            Instant occurredAt,
            String tenantId,
            String callId,
            String source,
            String errorType,
            String severity,
            String component,
            String stage,
            String provider,
            String message,
            String stackTrace,
            Map<String, Object> context,
            Instant resolvedAt,
            String resolvedBy) {}

    /** A separate SQL text per case, so a generic plan of a prepared statement still uses the tenant index. */
    private static String filter(String tenantId) {
        return tenantId == null
                ? "\n WHERE e.occurred_at >= $1 AND e.occurred_at < $2 AND $3::text IS NULL\n"
                : "\n WHERE e.occurred_at >= $1 AND e.occurred_at < $2 AND e.tenant_id = $3\n";
    }

    private final Pool pool;

    public SystemErrors(Pool pool) {
        this.pool = pool;
    }

    /**
     * Aggregates the range's rows per type and severity, then looks up each group's latest message through the
     * group index ({@code system_errors_by_group}): a handful of index probes instead of sorting every message
     * of a year into arrays. The rows are counted per type, severity and tenant first, then summed per group: the
     * number of tenants is the number of those sub-groups, so no {@code count(DISTINCT tenant_id)}, which made
     * PostgreSQL sort every row of the range (a year: 100,000 rows, spilled to disk). With V14's covering range
     * index both steps are hash aggregates over an index-only scan (docs/benchmarks/admin.md). This is the group
     * report's one statement and its arguments; it is planned for its values on every run: a generic plan cannot
     * know whether the range holds a day's errors or a year's (100,000 rows), guessed a few hundred and hashed the
     * whole range to join the (small) resolutions, spilling to disk: 125 ms instead of 64 ms over a year
     * (docs/benchmarks/admin.md). Planning it costs under a millisecond.
     */
    public record GroupsSql(String groups, Tuple args) implements ReportSql {
        @Override
        public List<String> statements() {
            return List.of(groups);
        }

        @Override
        public boolean customPlans() {
            return true;
        }
    }

    /** The group report's statement and arguments ({@link GroupsSql}). */
    public static GroupsSql groupsSql(DateRange range, String tenantId, boolean includeResolved) {
        return new GroupsSql(
                """
                SELECT g.*,
                       (SELECT l.message FROM admin.system_errors l
                        WHERE l.error_type = g.error_type AND l.severity = g.severity AND l.occurred_at = g.last_seen""" + (tenantId == null ? "" : " AND l.tenant_id = $3") + """

                        LIMIT 1) AS latest_message
                FROM (
                    SELECT t.error_type, t.severity, sum(t.occurrences)::bigint AS occurrences, sum(t.open)::bigint AS open,
                           min(t.first_seen) AS first_seen, max(t.last_seen) AS last_seen, count(*) AS tenants
                    FROM (
                        SELECT e.error_type, e.severity, e.tenant_id, count(*) AS occurrences,
                               count(*) FILTER (WHERE r.event_id IS NULL) AS open,
                               min(e.occurred_at) AS first_seen, max(e.occurred_at) AS last_seen
                        FROM admin.system_errors e LEFT JOIN admin.error_resolutions r ON r.event_id = e.event_id""" + filter(tenantId) + """
                        GROUP BY e.error_type, e.severity, e.tenant_id) t
                    GROUP BY t.error_type, t.severity
                    HAVING $4 OR sum(t.open) > 0) g
                ORDER BY CASE g.severity WHEN 'critical' THEN 0 WHEN 'error' THEN 1 ELSE 2 END, g.open DESC, g.last_seen DESC""",
                Tuple.of(start(range), end(range), tenantId, includeResolved));
    }

    /** System errors grouped by type and severity: {@link #groupsSql}'s statement. */
    public Uni<List<ErrorGroup>> groups(DateRange range, String tenantId, boolean includeResolved) {
        GroupsSql sql = groupsSql(range, tenantId, includeResolved);
        return sql.run(pool, sql.groups()).map(rows -> {
            List<ErrorGroup> groups = new ArrayList<>();
            rows.forEach(row -> groups.add(new ErrorGroup(
                    row.getString("error_type"),
                    row.getString("severity"),
                    row.getLong("occurrences"),
                    row.getLong("open"),
                    instant(row, "first_seen"),
                    instant(row, "last_seen"),
                    row.getString("latest_message"),
                    row.getLong("tenants"))));
            return groups;
        });
    }

    public Uni<List<Occurrence>> occurrences(
            DateRange range, String tenantId, String errorType, String severity, boolean includeResolved, int limit) {
        return pool.preparedQuery("""
                SELECT e.*, r.resolved_at, r.resolved_by
                FROM admin.system_errors e LEFT JOIN admin.error_resolutions r ON r.event_id = e.event_id""" + filter(tenantId) + """
                  AND ($4::text IS NULL OR e.error_type = $4) AND ($5::text IS NULL OR e.severity = $5)
                  AND ($6 OR r.event_id IS NULL)
                ORDER BY e.occurred_at DESC LIMIT $7""")
                .execute(Tuple.from(java.util.Arrays.asList(
                        start(range), end(range), tenantId, errorType, severity, includeResolved, limit)))
                .map(rows -> {
                    List<Occurrence> list = new ArrayList<>();
                    rows.forEach(row -> list.add(occurrence(row)));
                    return list;
                });
    }

    /** @return false when there is no such error */
    public Uni<Boolean> resolve(UUID id, String actor) {
        return pool.preparedQuery("""
                INSERT INTO admin.error_resolutions (event_id, resolved_by)
                SELECT event_id, $2 FROM admin.system_errors WHERE event_id = $1
                ON CONFLICT DO NOTHING""")
                .execute(Tuple.of(id, actor))
                .flatMap(inserted -> inserted.rowCount() == 1
                        ? Uni.createFrom().item(true)
                        : pool.preparedQuery("SELECT 1 FROM admin.system_errors WHERE event_id = $1")
                                .execute(Tuple.of(id))
                                .map(rows -> rows.size() == 1));
    }

    /** Resolves every open occurrence of one type and severity; @return how many */
    public Uni<Integer> resolveGroup(String errorType, String severity, String tenantId, String actor) {
        return pool.preparedQuery("""
                INSERT INTO admin.error_resolutions (event_id, resolved_by)
                SELECT event_id, $4 FROM admin.system_errors
                WHERE error_type = $1 AND severity = $2 AND ($3::text IS NULL OR tenant_id = $3)
                ON CONFLICT DO NOTHING""")
                .execute(Tuple.of(errorType, severity, tenantId, actor))
                .map(rows -> rows.rowCount());
    }

    private static Occurrence occurrence(Row row) {
        JsonObject context = row.getJsonObject("context");
        return new Occurrence(
                row.getUUID("event_id"),
                instant(row, "occurred_at"),
                row.getString("tenant_id"),
                row.getString("call_id"),
                row.getString("source"),
                row.getString("error_type"),
                row.getString("severity"),
                row.getString("component"),
                row.getString("stage"),
                row.getString("provider"),
                row.getString("message"),
                row.getString("stack_trace"),
                context == null ? Map.of() : context.getMap(),
                instant(row, "resolved_at"),
                row.getString("resolved_by"));
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime start(DateRange range) {
        return range.from().atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    private static OffsetDateTime end(DateRange range) {
        return range.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
    }
}
