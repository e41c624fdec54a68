package com.spotfunnel.voice.pipeline.analysis;

import com.spotfunnel.voice.events.payload.CallAnalyzed;
import com.spotfunnel.voice.events.payload.CallerErased;
import com.spotfunnel.voice.events.tenant.CallerHistory;
import com.spotfunnel.voice.events.tenant.TenantConfig;
import com.spotfunnel.voice.events.tenant.TenantRegistry;
import com.spotfunnel.voice.pipeline.config.PipelineConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * What the agent knows of a returning caller: their recent analysed calls with this tenant, in schema
 * {@code pipeline} (table {@code caller_calls}), shared by every pipeline pod and kept across restarts. The number
 * is stored only as its SHA-256. A tenant may turn history off or shorten its retention ({@code
 * agent.callerHistory}); an operator's {@link CallerErased} deletes a caller's rows.
 */
@ApplicationScoped
public class CallerMemory {

    private static final Logger LOG = Logger.getLogger(CallerMemory.class);

    private static final String REMEMBER = """
            INSERT INTO pipeline.caller_calls
                   (call_id, tenant_id, caller_sha256, occurred_at, summary, reason_for_calling, outcome, requires_action)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (call_id) DO NOTHING""";

    private static final String RECALL = """
            SELECT occurred_at, summary, reason_for_calling, outcome, requires_action FROM pipeline.caller_calls
             WHERE tenant_id = $1 AND caller_sha256 = $2 AND occurred_at > $3
             ORDER BY occurred_at DESC LIMIT $4""";

    private static final String FORGET =
            "DELETE FROM pipeline.caller_calls WHERE tenant_id = $1 AND caller_sha256 = $2";

    /**
     * Deletes what is past its tenant's retention: the tenants listed with their own days (0 = history off), all
     * others with the default.
     */
    private static final String PURGE = """
            DELETE FROM pipeline.caller_calls c
             WHERE c.occurred_at < now() - make_interval(days => COALESCE(
                   (SELECT t.days FROM unnest($1::text[], $2::int[]) AS t(tenant_id, days)
                     WHERE t.tenant_id = c.tenant_id), $3))""";

    private final Pool pool;
    private final TenantRegistry tenants;
    private final PipelineConfig.CallerHistory config;
    private final MeterRegistry meters;
    private final Clock clock = Clock.systemUTC();

    public CallerMemory(Pool pool, TenantRegistry tenants, PipelineConfig config, MeterRegistry meters) {
        this.pool = pool;
        this.tenants = tenants;
        this.config = config.callerHistory();
        this.meters = meters;
    }

    /** The tenant's setting, or the platform's. */
    public CallerHistory settings(String tenantId) {
        return tenants.byTenantId(tenantId)
                .map(TenantConfig::agent)
                .map(agent -> agent.callerHistory())
                .orElse(new CallerHistory(config.enabled(), config.defaultRetentionDays()));
    }

    /**
     * The caller's history as the agent is told it, started now and given up (empty, counted in {@code
     * pipeline_caller_history_unavailable_total{reason}}) once the budget has passed or the database fails.
     * Empty at once for an unknown number or a tenant with history off. Subscribe once, at call start.
     */
    public Uni<Optional<String>> recall(String tenantId, String callerPhone) {
        CallerHistory settings = settings(tenantId);
        if (callerPhone == null || callerPhone.isBlank() || !settings.enabled()) {
            return Uni.createFrom().item(Optional.empty());
        }
        Instant now = clock.instant();
        Instant since = now.minus(settings.retentionDays(), ChronoUnit.DAYS);
        return pool.preparedQuery(RECALL)
                .execute(Tuple.of(tenantId, CallerErased.hash(callerPhone), utc(since), config.maxCalls()))
                .map(rows -> {
                    List<Row> calls = new ArrayList<>();
                    rows.forEach(calls::add);
                    return describe(calls, LocalDate.ofInstant(now, ZoneOffset.UTC));
                })
                .ifNoItem()
                .after(config.budget())
                .recoverWithItem(() -> unavailable("over_budget", tenantId))
                .onFailure()
                .recoverWithItem(e -> {
                    LOG.warnf("Caller history of tenant %s unavailable: %s", tenantId, e.toString());
                    return unavailable("error", tenantId);
                });
    }

    private Optional<String> unavailable(String reason, String tenantId) {
        meters.counter("pipeline_caller_history_unavailable_total", "reason", reason)
                .increment();
        return Optional.empty();
    }

    /** Remembers an analysed call of a known caller (unless the tenant has history off); replays change nothing. */
    public Uni<Void> remember(String tenantId, String callId, String callerPhone, Instant at, CallAnalyzed analyzed) {
        if (callerPhone == null || callerPhone.isBlank() || !settings(tenantId).enabled()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery(REMEMBER)
                .execute(Tuple.tuple()
                        .addString(callId)
                        .addString(tenantId)
                        .addString(CallerErased.hash(callerPhone))
                        .addValue(utc(at))
                        .addString(analyzed.summary())
                        .addString(analyzed.reasonForCalling())
                        .addString(analyzed.outcome())
                        .addBoolean(analyzed.requiresAction()))
                .replaceWithVoid();
    }

    /** Deletes every remembered call of the caller with this tenant; emits how many there were. */
    public Uni<Integer> forget(String tenantId, String callerPhoneSha256) {
        return pool.preparedQuery(FORGET)
                .execute(Tuple.of(tenantId, callerPhoneSha256))
                .map(rows -> rows.rowCount());
    }

    /** Deletes what is past retention (everything of tenants with history off); emits how many rows went. */
    public Uni<Integer> purgeExpired() {
        List<String> ids = new ArrayList<>();
        List<Integer> days = new ArrayList<>();
        for (TenantConfig tenant : tenants.all()) {
            CallerHistory own = tenant.agent() == null ? null : tenant.agent().callerHistory();
            if (own != null) {
                ids.add(tenant.tenantId());
                days.add(own.enabled() ? own.retentionDays() : 0);
            }
        }
        return pool.preparedQuery(PURGE)
                .execute(Tuple.of(
                        ids.toArray(String[]::new),
                        days.toArray(Integer[]::new),
                        config.enabled() ? config.defaultRetentionDays() : 0))
                .map(rows -> rows.rowCount());
    }

    /** "This caller has called 2 times in the last 90 days …", most recent first; empty for no calls. */
    static Optional<String> describe(List<Row> calls, LocalDate today) {
        if (calls.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder("This caller has called before (")
                .append(calls.size() == 1 ? "1 recent call" : calls.size() + " recent calls")
                .append(", most recent first):");
        boolean open = false;
        for (Row call : calls) {
            LocalDate day = call.getOffsetDateTime("occurred_at").toLocalDate();
            long ago = ChronoUnit.DAYS.between(day, today);
            text.append("\n- ")
                    .append(ago == 0 ? "today" : ago == 1 ? "yesterday" : ago + " days ago")
                    .append(": ")
                    .append(Optional.ofNullable(call.getString("summary")).orElse("no summary"));
            if (call.getString("outcome") != null) {
                text.append(" Outcome: ")
                        .append(call.getString("outcome").replace('_', ' '))
                        .append('.');
            }
            if (Boolean.TRUE.equals(call.getBoolean("requires_action"))) {
                text.append(" Follow-up by the staff was requested.");
                open = true;
            }
        }
        if (open) {
            text.append("\nA follow-up may still be open: acknowledge it if the caller asks about it.");
        }
        return Optional.of(text.toString());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
