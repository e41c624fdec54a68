package com.spotfunnel.voice.dashboard.projection;

import com.spotfunnel.voice.events.CallEvent;
import com.spotfunnel.voice.events.payload.CallAnalyzed;
import com.spotfunnel.voice.events.payload.CallCosts;
import com.spotfunnel.voice.events.payload.CallEnded;
import com.spotfunnel.voice.events.payload.CallStarted;
import com.spotfunnel.voice.events.payload.CallStatusReported;
import com.spotfunnel.voice.events.payload.CallTransferred;
import com.spotfunnel.voice.events.payload.CallerErased;
import com.spotfunnel.voice.events.payload.CostRecorded;
import com.spotfunnel.voice.events.payload.FallbackPlayed;
import com.spotfunnel.voice.events.payload.TranscriptTurn;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Writes one call event into the read model, in one transaction together with its {@code applied_events}
 * row. Every statement is an upsert guarded by the call's tenant and by the event's {@code seq}, so the
 * result does not depend on the order events arrive in, and a replayed event changes nothing.
 */
@ApplicationScoped
public class ProjectionWriter {

    /** Creates the call's row on its first event, whatever type that is. */
    private static final String ENSURE_CALL = """
            INSERT INTO dashboard.call_logs (call_id, tenant_id, started_at) VALUES ($1, $2, $3)
            ON CONFLICT (call_id) DO UPDATE
              SET started_at = LEAST(call_logs.started_at, EXCLUDED.started_at)
              WHERE call_logs.tenant_id = EXCLUDED.tenant_id AND call_logs.started_seq IS NULL
                AND EXCLUDED.started_at < call_logs.started_at""";

    /** The number a caller's row shows once an operator erased them. */
    public static final String ERASED_NUMBER = "erased";

    /** The caller's number, unless an operator erased it (then masked, whatever order the events came in). */
    private static final String STARTED = """
            UPDATE dashboard.call_logs
               SET call_sid = $3,
                   caller_phone = CASE WHEN EXISTS (SELECT 1 FROM dashboard.erased_callers e
                                                     WHERE e.tenant_id = $2
                                                       AND e.caller_sha256 = encode(sha256(convert_to($4, 'UTF8')), 'hex'))
                                       THEN '%s' ELSE $4 END,
                   dialed_number = $5, direction = $6, started_at = $7, started_seq = $8
             WHERE call_id = $1 AND tenant_id = $2 AND (started_seq IS NULL OR started_seq <= $8)""".formatted(ERASED_NUMBER);

    /** Remembers the erasure (for calls projected later), then masks the number in the calls already here. */
    private static final String ERASED = """
            WITH erased AS (
                INSERT INTO dashboard.erased_callers (tenant_id, caller_sha256) VALUES ($1, $2) ON CONFLICT DO NOTHING)
            UPDATE dashboard.call_logs SET caller_phone = '%s'
             WHERE tenant_id = $1 AND caller_phone IS NOT NULL
               AND encode(sha256(convert_to(caller_phone, 'UTF8')), 'hex') = $2""".formatted(ERASED_NUMBER);

    private static final String ENDED = """
            UPDATE dashboard.call_logs
               SET status = $3, ended_reason = $4, duration_seconds = $5, ended_at = $6, stt_cost = $7,
                   llm_cost = $8, tts_cost = $9, total_cost = $10, ended_seq = $11
             WHERE call_id = $1 AND tenant_id = $2 AND (ended_seq IS NULL OR ended_seq <= $11)""";

    private static final String ANALYZED = """
            UPDATE dashboard.call_logs
               SET summary = $3, reason_for_calling = $4, outcome = $5, captured_data = $6, requires_action = $7,
                   priority = $8, analyzed_seq = $9
             WHERE call_id = $1 AND tenant_id = $2 AND (analyzed_seq IS NULL OR analyzed_seq <= $9)""";

    private static final String TRANSFERRED = """
            UPDATE dashboard.call_logs
               SET transferred_to = $3, transfer_outcome = $4, transferred_seq = $5, transfer_returned_to_agent = $6
             WHERE call_id = $1 AND tenant_id = $2 AND (transferred_seq IS NULL OR transferred_seq <= $5)""";

    private static final String TWILIO_STATUS = """
            UPDATE dashboard.call_logs
               SET twilio_status = $3, twilio_duration_seconds = $4, twilio_status_seq = $5
             WHERE call_id = $1 AND tenant_id = $2 AND (twilio_status_seq IS NULL OR twilio_status_seq <= $5)""";

    private static final String FALLBACK = """
            UPDATE dashboard.call_logs SET fallback_played = true
             WHERE call_id = $1 AND tenant_id = $2 AND NOT fallback_played""";

    private static final String TURN = """
            INSERT INTO dashboard.call_turns
                   (call_id, tenant_id, turn_index, speaker, text, offset_ms, duration_ms, interrupted, seq)
            SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9
             WHERE EXISTS (SELECT 1 FROM dashboard.call_logs WHERE call_id = $1 AND tenant_id = $2)
            ON CONFLICT (call_id, turn_index) DO UPDATE
               SET speaker = EXCLUDED.speaker, text = EXCLUDED.text, offset_ms = EXCLUDED.offset_ms,
                   duration_ms = EXCLUDED.duration_ms, interrupted = EXCLUDED.interrupted, seq = EXCLUDED.seq
             WHERE call_turns.seq < EXCLUDED.seq""";

    /**
     * The searchable transcript of the calls whose turns this batch wrote, rebuilt from all their turns (so it is
     * the same whatever order turns arrive in, and a replay changes nothing).
     */
    private static final String TRANSCRIPT = """
            UPDATE dashboard.call_logs c SET transcript_tsv = t.tsv
              FROM (SELECT call_id, to_tsvector('english', string_agg(text, ' ' ORDER BY turn_index)) AS tsv
                      FROM dashboard.call_turns WHERE call_id = ANY($1) GROUP BY call_id) t
             WHERE c.call_id = t.call_id AND c.transcript_tsv IS DISTINCT FROM t.tsv""";

    private static final String COST = """
            INSERT INTO dashboard.call_cost_items
                   (call_id, tenant_id, seq, turn_index, stage, provider, model, quantity, unit, cost_usd)
            SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10
             WHERE EXISTS (SELECT 1 FROM dashboard.call_logs WHERE call_id = $1 AND tenant_id = $2)
            ON CONFLICT (call_id, seq) DO NOTHING""";

    /** Records the batch's event ids; returns those not applied before. */
    private static final String APPLIED = """
            INSERT INTO dashboard.applied_events (event_id, call_id)
            SELECT * FROM unnest($1::uuid[], $2::text[]) ON CONFLICT DO NOTHING RETURNING event_id""";

    /** The order statement groups run in within a batch: the call rows first (turns and costs need them). */
    private static final List<String> ORDER =
            List.of(ENSURE_CALL, STARTED, ENDED, ANALYZED, TRANSFERRED, TWILIO_STATUS, FALLBACK, TURN, COST, ERASED);

    private final Pool pool;

    public ProjectionWriter(Pool pool) {
        this.pool = pool;
    }

    /** Emits true when the event was applied, false when it had been applied before. */
    public Uni<Boolean> apply(CallEvent event) {
        return applyAll(List.of(event)).map(applied -> applied == 1);
    }

    /**
     * Applies a batch of events in one transaction and emits how many were new. Which events are new is
     * decided first (one insert into {@code applied_events}); the statements for the new ones are then sent
     * grouped by kind, each group pipelined in one round trip: the call rows first, then every event type's
     * own columns. Grouping is safe because every statement is guarded by the event's seq.
     */
    public Uni<Integer> applyAll(List<CallEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Map<UUID, CallEvent> unique = new LinkedHashMap<>();
        events.forEach(e -> unique.putIfAbsent(e.eventId(), e));
        UUID[] ids = unique.keySet().toArray(UUID[]::new);
        String[] callIds = unique.values().stream().map(CallEvent::callId).toArray(String[]::new);
        return pool.withTransaction(conn -> conn.preparedQuery(APPLIED)
                .execute(Tuple.of(ids, callIds))
                .flatMap(rows -> {
                    Set<UUID> fresh = new HashSet<>();
                    rows.forEach(row -> fresh.add(row.getUUID(0)));
                    List<CallEvent> todo = unique.values().stream()
                            .filter(e -> fresh.contains(e.eventId()))
                            .toList();
                    return project(conn, todo).replaceWith(todo.size());
                }));
    }

    private Uni<Void> project(SqlConnection conn, List<CallEvent> events) {
        Map<String, List<Tuple>> groups = new LinkedHashMap<>();
        for (String sql : ORDER) {
            groups.put(sql, new ArrayList<>());
        }
        // One row check per call and tenant, with the earliest occurredAt: what the per-event upserts would leave.
        Map<List<String>, OffsetDateTime> earliest = new LinkedHashMap<>();
        for (CallEvent event : events) {
            if (event.payload() instanceof CallerErased) {
                continue; // about a caller, not a call: no call row
            }
            earliest.merge(List.of(event.callId(), event.tenantId()), utc(event), (a, b) -> a.isBefore(b) ? a : b);
        }
        earliest.forEach((call, at) -> groups.get(ENSURE_CALL).add(Tuple.of(call.get(0), call.get(1), at)));
        for (CallEvent event : events) {
            Statement statement = statementFor(event);
            if (statement != null) {
                groups.get(statement.sql()).add(statement.args());
            }
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<String, List<Tuple>> group : groups.entrySet()) {
            if (!group.getValue().isEmpty()) {
                chain = chain.flatMap(ignored -> conn.preparedQuery(group.getKey())
                        .executeBatch(group.getValue())
                        .replaceWithVoid());
            }
        }
        String[] transcribed = events.stream()
                .filter(e -> e.payload() instanceof TranscriptTurn)
                .map(CallEvent::callId)
                .distinct()
                .toArray(String[]::new);
        if (transcribed.length > 0) {
            chain = chain.flatMap(ignored -> conn.preparedQuery(TRANSCRIPT)
                    .execute(Tuple.tuple().addArrayOfString(transcribed))
                    .replaceWithVoid());
        }
        return chain;
    }

    private record Statement(String sql, Tuple args) {}

    /** The statement that writes this event's own columns, or null when it has none. */
    private Statement statementFor(CallEvent event) {
        Tuple key = Tuple.of(event.callId(), event.tenantId());
        if (event.payload() instanceof CallStarted p) {
            return new Statement(
                    STARTED,
                    key.addString(p.callSid())
                            .addString(p.callerPhone())
                            .addString(p.dialedNumber())
                            .addString(p.direction())
                            .addValue(utc(event))
                            .addLong(event.seq()));
        }
        if (event.payload() instanceof CallEnded p) {
            CallCosts costs = p.costs() == null ? CallCosts.ZERO : p.costs();
            return new Statement(
                    ENDED,
                    key.addString(lower(p.status(), "completed"))
                            .addString(p.endedReason())
                            .addLong(p.durationSeconds())
                            .addValue(utc(event))
                            .addValue(numeric(costs.stt()))
                            .addValue(numeric(costs.llm()))
                            .addValue(numeric(costs.tts()))
                            .addValue(numeric(costs.total()))
                            .addLong(event.seq()));
        }
        if (event.payload() instanceof CallAnalyzed p) {
            return new Statement(
                    ANALYZED,
                    key.addString(p.summary())
                            .addString(p.reasonForCalling())
                            .addString(p.outcome())
                            .addValue(jsonb(p.capturedData()))
                            .addBoolean(p.requiresAction())
                            .addString(lower(p.priority(), null))
                            .addLong(event.seq()));
        }
        if (event.payload() instanceof CallTransferred p) {
            return new Statement(
                    TRANSFERRED,
                    key.addString(p.transferTo())
                            .addString(p.outcome())
                            .addLong(event.seq())
                            .addBoolean(p.returnedToAgent()));
        }
        if (event.payload() instanceof CallStatusReported p) {
            return new Statement(
                    TWILIO_STATUS,
                    key.addString(p.twilioStatus())
                            .addLong(p.twilioDurationSeconds())
                            .addLong(event.seq()));
        }
        if (event.payload() instanceof FallbackPlayed) {
            return new Statement(FALLBACK, key);
        }
        if (event.payload() instanceof TranscriptTurn p) {
            return new Statement(
                    TURN,
                    key.addInteger(p.turnIndex())
                            .addString(lower(p.speaker(), "agent"))
                            .addString(p.text() == null ? "" : p.text())
                            .addLong(p.offsetMs())
                            .addLong(p.durationMs())
                            .addBoolean(p.interrupted())
                            .addLong(event.seq()));
        }
        if (event.payload() instanceof CostRecorded p) {
            return new Statement(
                    COST,
                    key.addLong(event.seq())
                            .addInteger(p.turnIndex())
                            .addString(lower(p.stage(), "unknown"))
                            .addString(p.provider())
                            .addString(p.model())
                            .addValue(numeric(p.quantity()))
                            .addString(p.unit())
                            .addValue(numeric(p.costUsd() == null ? BigDecimal.ZERO : p.costUsd())));
        }
        if (event.payload() instanceof CallerErased p) {
            return new Statement(ERASED, Tuple.of(event.tenantId(), p.callerPhoneSha256()));
        }
        // ProviderFailed and SystemError are for operators (admin-api): the call's row exists, that is all.
        return null;
    }

    private static String lower(Enum<?> value, String otherwise) {
        return value == null ? otherwise : value.name().toLowerCase(Locale.ROOT);
    }

    private JsonObject jsonb(Map<String, Object> data) {
        return data == null ? null : new JsonObject(data);
    }

    private static Numeric numeric(BigDecimal value) {
        return value == null ? null : Numeric.create(value);
    }

    private static OffsetDateTime utc(CallEvent event) {
        return event.occurredAt().atOffset(ZoneOffset.UTC);
    }
}
