package com.spotfunnel.voice.admin.analytics;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Outcome distribution, reason taxonomy, action-required rate and calls per day from the daily roll-ups. */
@ApplicationScoped
public class IntelligenceAnalytics {

    /** A separate SQL text per case, so a generic plan of a prepared statement still uses the tenant index. */
    private static String filter(String tenantId) {
        return tenantId == null
                ? " WHERE day BETWEEN $1 AND $2 AND $3::text IS NULL "
                : " WHERE day BETWEEN $1 AND $2 AND tenant_id = $3 ";
    }

    private static final int TOP_REASONS = 50;

    private final Pool pool;

    public IntelligenceAnalytics(Pool pool) {
        this.pool = pool;
    }

    /** The intelligence report's statements, by name, and their arguments. */
    public record Sql(String outcomes, String reasons, String tenants, String statuses, String perDay, Tuple args)
            implements ReportSql {
        @Override
        public List<String> statements() {
            return List.of(outcomes, reasons, tenants, statuses, perDay);
        }
    }

    /** The report's five statements (outcomes, reasons, tenants, statuses, calls per day) and their arguments. */
    public static Sql sql(DateRange range, String tenantId) {
        // Across tenants: the tenant-less roll-ups; one tenant: its rows of the per-tenant roll-ups.
        String labels = tenantId == null
                ? "admin.intelligence_daily_all" + filter(null)
                : "admin.intelligence_daily" + filter(tenantId);
        String statuses =
                tenantId == null ? "admin.calls_daily_all" + filter(null) : "admin.calls_daily" + filter(tenantId);
        return new Sql(
                "SELECT outcome AS label, sum(calls) AS calls FROM " + labels
                        + "GROUP BY outcome ORDER BY calls DESC, outcome",
                "SELECT reason AS label, sum(calls) AS calls FROM " + labels
                        + "GROUP BY reason ORDER BY calls DESC, reason LIMIT " + TOP_REASONS,
                """
                SELECT tenant_id, sum(calls) AS calls, sum(action_required) AS action_required
                FROM admin.intelligence_daily_tenant""" + filter(tenantId) + "GROUP BY tenant_id ORDER BY tenant_id",
                "SELECT status AS label, sum(calls) AS calls FROM " + statuses
                        + "GROUP BY status ORDER BY calls DESC, status",
                "SELECT day, sum(calls) AS calls FROM " + statuses + "GROUP BY day",
                Tuple.of(range.from(), range.to(), tenantId));
    }

    public Uni<IntelligenceReport> report(DateRange range, String tenantId) {
        Sql sql = sql(range, tenantId);
        Uni<RowSet<Row>> outcomes = sql.run(pool, sql.outcomes());
        Uni<RowSet<Row>> reasons = sql.run(pool, sql.reasons());
        Uni<RowSet<Row>> tenants = sql.run(pool, sql.tenants());
        Uni<RowSet<Row>> ended = sql.run(pool, sql.statuses());
        Uni<RowSet<Row>> perDay = sql.run(pool, sql.perDay());
        return Uni.combine()
                .all()
                .unis(outcomes, reasons, tenants, ended, perDay)
                .asTuple()
                .map(rows -> {
                    List<IntelligenceReport.TenantTotals> byTenant = new ArrayList<>();
                    long analyzed = 0;
                    long action = 0;
                    for (Row row : rows.getItem3()) {
                        long calls = row.getLong("calls");
                        long required = row.getLong("action_required");
                        analyzed += calls;
                        action += required;
                        byTenant.add(new IntelligenceReport.TenantTotals(
                                row.getString("tenant_id"), IntelligenceReport.Totals.of(calls, required)));
                    }
                    return new IntelligenceReport(
                            range.from(),
                            range.to(),
                            tenantId,
                            IntelligenceReport.Totals.of(analyzed, action),
                            counts(rows.getItem1()),
                            counts(rows.getItem2()),
                            counts(rows.getItem4()),
                            byTenant,
                            daily(range, rows.getItem5()));
                });
    }

    /** Every day of the range, zeros included, so a chart's axis has no gaps. */
    private static List<IntelligenceReport.DailyCalls> daily(DateRange range, RowSet<Row> rows) {
        Map<LocalDate, Long> days = new LinkedHashMap<>();
        range.days().forEach(day -> days.put(day, 0L));
        rows.forEach(row -> days.merge(row.getLocalDate("day"), row.getLong("calls"), Long::sum));
        List<IntelligenceReport.DailyCalls> daily = new ArrayList<>();
        days.forEach((day, calls) -> daily.add(new IntelligenceReport.DailyCalls(day, calls)));
        return daily;
    }

    private static List<IntelligenceReport.Count> counts(RowSet<Row> rows) {
        List<IntelligenceReport.Count> counts = new ArrayList<>();
        rows.forEach(row -> counts.add(new IntelligenceReport.Count(row.getString("label"), row.getLong("calls"))));
        return counts;
    }
}
