package com.spotfunnel.voice.admin.events;

import com.spotfunnel.voice.events.CallEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;

/** The projection's writes; every method runs in the transaction that also records the event as applied. */
@ApplicationScoped
public class ProjectionRepository {

    /** @return true the first time this event is seen, false for a replay */
    public Uni<Boolean> markApplied(SqlClient sql, CallEvent event) {
        return sql.preparedQuery(
                        "INSERT INTO admin.applied_events (event_id, call_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(event.eventId(), event.callId()))
                .map(rows -> rows.rowCount() == 1);
    }

    /** @return true the first time this call is seen in this table ({@code ended_calls} or {@code analyzed_calls}) */
    public Uni<Boolean> firstForCall(SqlClient sql, String table, String callId) {
        return sql.preparedQuery("INSERT INTO admin." + table + " (call_id) VALUES ($1) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(callId))
                .map(rows -> rows.rowCount() == 1);
    }

    public record ErrorRow(
            String source,
            String errorType,
            String severity,
            String component,
            String stage,
            String provider,
            String message,
            String stackTrace,
            Map<String, String> context) {}

    public Uni<Void> insertError(SqlClient sql, CallEvent event, ErrorRow error) {
        JsonObject context = new JsonObject();
        if (error.context() != null) {
            error.context().forEach(context::put);
        }
        return sql.preparedQuery("""
                INSERT INTO admin.system_errors (event_id, occurred_at, tenant_id, call_id, source, error_type, severity,
                    component, stage, provider, message, stack_trace, context)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT DO NOTHING""")
                .execute(Tuple.from(Arrays.asList(
                        event.eventId(),
                        OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC),
                        event.tenantId(),
                        event.callId(),
                        error.source(),
                        error.errorType(),
                        error.severity(),
                        error.component(),
                        error.stage(),
                        error.provider(),
                        error.message(),
                        error.stackTrace(),
                        context)))
                .replaceWithVoid();
    }

    /**
     * One statement: the per-tenant roll-up, the two it feeds (across tenants; per tenant and stage) and the call's
     * own sum.
     */
    public Uni<Void> addCost(
            SqlClient sql,
            LocalDate day,
            String tenantId,
            String callId,
            String stage,
            String provider,
            BigDecimal usd) {
        return sql.preparedQuery("""
                WITH per_call AS (
                    INSERT INTO admin.call_costs (call_id, tenant_id, stage, provider, cost_usd, records) VALUES ($6, $2, $3, $4, $5, 1)
                    ON CONFLICT (call_id, tenant_id, stage, provider)
                    DO UPDATE SET cost_usd = admin.call_costs.cost_usd + EXCLUDED.cost_usd, records = admin.call_costs.records + 1),
                per_tenant AS (
                    INSERT INTO admin.cost_daily (day, tenant_id, stage, provider, cost_usd, records) VALUES ($1, $2, $3, $4, $5, 1)
                    ON CONFLICT (day, tenant_id, stage, provider)
                    DO UPDATE SET cost_usd = admin.cost_daily.cost_usd + EXCLUDED.cost_usd, records = admin.cost_daily.records + 1),
                all_tenants AS (
                    INSERT INTO admin.cost_daily_all (day, stage, provider, cost_usd, records) VALUES ($1, $3, $4, $5, 1)
                    ON CONFLICT (day, stage, provider)
                    DO UPDATE SET cost_usd = admin.cost_daily_all.cost_usd + EXCLUDED.cost_usd, records = admin.cost_daily_all.records + 1)
                INSERT INTO admin.cost_daily_tenant (day, tenant_id, stage, cost_usd) VALUES ($1, $2, $3, $5)
                ON CONFLICT (day, tenant_id, stage) DO UPDATE SET cost_usd = admin.cost_daily_tenant.cost_usd + EXCLUDED.cost_usd""")
                .execute(Tuple.of(day, tenantId, stage, provider, usd, callId))
                .replaceWithVoid();
    }

    public Uni<Void> addEndedCall(SqlClient sql, LocalDate day, String tenantId, String status, long durationSeconds) {
        return sql.preparedQuery("""
                WITH per_tenant AS (
                    INSERT INTO admin.calls_daily (day, tenant_id, status, calls, duration_seconds) VALUES ($1, $2, $3, 1, $4)
                    ON CONFLICT (day, tenant_id, status) DO UPDATE SET calls = admin.calls_daily.calls + 1,
                        duration_seconds = admin.calls_daily.duration_seconds + EXCLUDED.duration_seconds)
                INSERT INTO admin.calls_daily_all (day, status, calls) VALUES ($1, $3, 1)
                ON CONFLICT (day, status) DO UPDATE SET calls = admin.calls_daily_all.calls + 1""")
                .execute(Tuple.of(day, tenantId, status, durationSeconds))
                .replaceWithVoid();
    }

    public Uni<Void> addAnalyzedCall(
            SqlClient sql, LocalDate day, String tenantId, String outcome, String reason, boolean actionRequired) {
        return sql.preparedQuery("""
                WITH per_tenant AS (
                    INSERT INTO admin.intelligence_daily (day, tenant_id, outcome, reason, calls, action_required)
                    VALUES ($1, $2, $3, $4, 1, $5)
                    ON CONFLICT (day, tenant_id, outcome, reason) DO UPDATE SET calls = admin.intelligence_daily.calls + 1,
                        action_required = admin.intelligence_daily.action_required + EXCLUDED.action_required),
                all_tenants AS (
                    INSERT INTO admin.intelligence_daily_all (day, outcome, reason, calls) VALUES ($1, $3, $4, 1)
                    ON CONFLICT (day, outcome, reason) DO UPDATE SET calls = admin.intelligence_daily_all.calls + 1)
                INSERT INTO admin.intelligence_daily_tenant (day, tenant_id, calls, action_required) VALUES ($1, $2, 1, $5)
                ON CONFLICT (day, tenant_id) DO UPDATE SET calls = admin.intelligence_daily_tenant.calls + 1,
                    action_required = admin.intelligence_daily_tenant.action_required + EXCLUDED.action_required""")
                .execute(Tuple.of(day, tenantId, outcome, reason, actionRequired ? 1L : 0L))
                .replaceWithVoid();
    }
}
