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
import java.util.TreeMap;

/** Cost reports from the daily roll-up admin.cost_daily (a few rows per tenant and day, never the events). */
@ApplicationScoped
public class CostAnalytics {

    /** A separate SQL text per case, so a generic plan of a prepared statement still uses the tenant index. */
    private static String filter(String tenantId) {
        return tenantId == null
                ? " WHERE day BETWEEN $1 AND $2 AND $3::text IS NULL "
                : " WHERE day BETWEEN $1 AND $2 AND tenant_id = $3 ";
    }

    private final Pool pool;

    public CostAnalytics(Pool pool) {
        this.pool = pool;
    }

    /** The cost report's statements, by name, and their arguments. */
    public record Sql(String byDay, String byProvider, String byTenant, Tuple args) implements ReportSql {
        @Override
        public List<String> statements() {
            return List.of(byDay, byProvider, byTenant);
        }
    }

    /** The report's three statements (by day, by provider, by tenant) and their arguments. */
    public static Sql sql(DateRange range, String tenantId) {
        // Across tenants: the tenant-less roll-ups; one tenant: its rows of the per-tenant roll-up.
        String detail =
                tenantId == null ? "admin.cost_daily_all" + filter(null) : "admin.cost_daily" + filter(tenantId);
        return new Sql(
                "SELECT day, stage, sum(cost_usd) AS usd FROM " + detail + "GROUP BY day, stage",
                "SELECT stage, provider, sum(cost_usd) AS usd, sum(records) AS records FROM " + detail
                        + "GROUP BY stage, provider ORDER BY stage, usd DESC",
                "SELECT tenant_id, stage, sum(cost_usd) AS usd FROM admin.cost_daily_tenant" + filter(tenantId)
                        + "GROUP BY tenant_id, stage",
                Tuple.of(range.from(), range.to(), tenantId));
    }

    public Uni<CostReport> report(DateRange range, String tenantId) {
        Sql sql = sql(range, tenantId);
        Uni<RowSet<Row>> byDay = sql.run(pool, sql.byDay());
        Uni<RowSet<Row>> byProvider = sql.run(pool, sql.byProvider());
        Uni<RowSet<Row>> byTenant = sql.run(pool, sql.byTenant());
        return Uni.combine().all().unis(byDay, byProvider, byTenant).asTuple().map(rows -> {
            Map<LocalDate, CostReport.StageCosts> days = new LinkedHashMap<>();
            range.days().forEach(day -> days.put(day, CostReport.StageCosts.ZERO));
            CostReport.StageCosts total = CostReport.StageCosts.ZERO;
            for (Row row : rows.getItem1()) {
                LocalDate day = row.getLocalDate("day");
                days.put(
                        day,
                        days.getOrDefault(day, CostReport.StageCosts.ZERO)
                                .plus(row.getString("stage"), row.getBigDecimal("usd")));
                total = total.plus(row.getString("stage"), row.getBigDecimal("usd"));
            }
            List<CostReport.DailyCost> daily = new ArrayList<>();
            days.forEach((day, costs) -> daily.add(new CostReport.DailyCost(day, costs)));
            List<CostReport.ProviderCost> providers = new ArrayList<>();
            for (Row row : rows.getItem2()) {
                providers.add(new CostReport.ProviderCost(
                        row.getString("stage"),
                        row.getString("provider"),
                        row.getBigDecimal("usd"),
                        row.getLong("records")));
            }
            Map<String, CostReport.StageCosts> tenants = new TreeMap<>();
            for (Row row : rows.getItem3()) {
                tenants.merge(
                        row.getString("tenant_id"),
                        CostReport.StageCosts.ZERO.plus(row.getString("stage"), row.getBigDecimal("usd")),
                        (a, b) -> new CostReport.StageCosts(
                                a.stt().add(b.stt()),
                                a.llm().add(b.llm()),
                                a.tts().add(b.tts())));
            }
            List<CostReport.TenantCost> byTenantList = new ArrayList<>();
            tenants.forEach((tenant, costs) -> byTenantList.add(new CostReport.TenantCost(tenant, costs)));
            return new CostReport(range.from(), range.to(), tenantId, total, daily, providers, byTenantList);
        });
    }
}
