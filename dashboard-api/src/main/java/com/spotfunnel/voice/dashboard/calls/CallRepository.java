package com.spotfunnel.voice.dashboard.calls;

import static com.spotfunnel.voice.dashboard.calls.CallSummary.instant;

import com.spotfunnel.voice.support.postgres.CustomPlans;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads calls from the read model, always within one tenant. */
@ApplicationScoped
public class CallRepository {

    private static final String DETAIL = """
            SELECT c.*, a.marked_by, a.marked_at, a.mark_note, a.resolved_by, a.resolved_at, a.resolution_note,
                   """ + CallSql.OPEN_ACTION + """
             AS open_action, r.archived_by, r.archived_at
              FROM dashboard.call_logs c
              LEFT JOIN dashboard.call_actions a ON a.call_id = c.call_id AND a.tenant_id = c.tenant_id
              LEFT JOIN dashboard.call_archive r ON r.call_id = c.call_id AND r.tenant_id = c.tenant_id
             WHERE c.call_id = $1 AND c.tenant_id = $2""";

    private static final String TURNS = """
            SELECT turn_index, speaker, text, offset_ms, duration_ms, interrupted FROM dashboard.call_turns
             WHERE call_id = $1 AND tenant_id = $2 ORDER BY turn_index""";

    private static final String COSTS = """
            SELECT turn_index, stage, provider, model, quantity, unit, cost_usd FROM dashboard.call_cost_items
             WHERE call_id = $1 AND tenant_id = $2 ORDER BY seq""";

    private static final int EXPORT_FETCH_SIZE = 500;

    private final Pool pool;

    public CallRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<CallSummary>> page(CallFilter filter) {
        Optional<CallSql.PhonePage> phone = CallSql.phonePage(filter);
        if (phone.isPresent()) {
            return phonePage(phone.get());
        }
        CallSql.Statement statement = CallSql.page(filter);
        // A search is planned for its own words or digits: whether walking the tenant's newest calls finds a page
        // soon (a common word) or the index should collect the few matches (a rare one) depends on the value, and
        // the generic plan PostgreSQL keeps for a prepared statement after five runs cannot see it (it read every
        // match of a 100,000-call tenant: 80 ms of database CPU per search instead of 1.5, docs/benchmarks).
        return (filter.search() == null ? rows(statement) : rowsPlannedPerValue(statement))
                .map(CallRepository::summaries);
    }

    /**
     * A phone search: the probe, then the page statement its count picks. The probe and the common fragment's walk
     * have one plan whatever the values, so they run as plain prepared statements, outside a transaction; the rare
     * fragment's statement is planned for its values, like a text search (the digit index's estimate depends on the
     * digits).
     */
    private Uni<List<CallSummary>> phonePage(CallSql.PhonePage phone) {
        return rows(phone.probe())
                .chain(counted -> {
                    long matches = counted.iterator().next().getLong(0);
                    CallSql.Statement statement = phone.page(matches);
                    return phone.plannedPerValue(matches) ? rowsPlannedPerValue(statement) : rows(statement);
                })
                .map(CallRepository::summaries);
    }

    /** A prepared statement on the pool, with whatever plan PostgreSQL keeps for it. */
    private Uni<RowSet<Row>> rows(CallSql.Statement statement) {
        return pool.preparedQuery(statement.sql()).execute(statement.args());
    }

    /** A prepared statement planned for its parameter values (in a transaction of its own, see CustomPlans). */
    private Uni<RowSet<Row>> rowsPlannedPerValue(CallSql.Statement statement) {
        return CustomPlans.inTransaction(
                pool, conn -> conn.preparedQuery(statement.sql()).execute(statement.args()));
    }

    /**
     * Every matching call, read through a server-side cursor in a read-only transaction, a few hundred rows
     * at a time as the subscriber asks for them: memory stays flat whatever the number of rows.
     */
    public Multi<CallSummary> stream(CallFilter filter) {
        CallSql.Statement statement = CallSql.all(filter);
        return Multi.createFrom()
                .resourceFromUni(
                        pool::getConnection,
                        conn -> conn.begin()
                                .toMulti()
                                .flatMap(tx -> conn.prepare(statement.sql()).toMulti())
                                .flatMap(prepared -> prepared.createStream(EXPORT_FETCH_SIZE, statement.args())
                                        .toMulti()))
                // Closing the connection rolls the read-only transaction back and returns it to the pool.
                .withFinalizer(SqlConnection::close)
                .map(CallSummary::from);
    }

    public Uni<Optional<CallDetail>> detail(String tenantId, String callId) {
        Tuple key = Tuple.of(callId, tenantId);
        return pool.withConnection(conn -> conn.preparedQuery(DETAIL)
                .execute(key)
                .flatMap(calls -> {
                    if (calls.size() == 0) {
                        return Uni.createFrom().item(Optional.<CallDetail>empty());
                    }
                    Row call = calls.iterator().next();
                    return conn.preparedQuery(TURNS)
                            .execute(key)
                            .flatMap(turns -> conn.preparedQuery(COSTS)
                                    .execute(key)
                                    .map(costs -> Optional.of(detail(call, turns, costs))));
                }));
    }

    private static CallDetail detail(Row c, RowSet<Row> turnRows, RowSet<Row> costRows) {
        List<CallDetail.Turn> turns = new ArrayList<>();
        for (Row t : turnRows) {
            turns.add(new CallDetail.Turn(
                    t.getInteger("turn_index"),
                    t.getString("speaker"),
                    t.getString("text"),
                    t.getLong("offset_ms"),
                    t.getLong("duration_ms"),
                    t.getBoolean("interrupted")));
        }
        List<CallDetail.CostItem> items = new ArrayList<>();
        for (Row k : costRows) {
            items.add(new CallDetail.CostItem(
                    k.getInteger("turn_index"),
                    k.getString("stage"),
                    k.getString("provider"),
                    k.getString("model"),
                    k.getBigDecimal("quantity"),
                    k.getString("unit"),
                    k.getBigDecimal("cost_usd")));
        }
        JsonObject captured = c.getJsonObject("captured_data");
        Map<String, Object> capturedData = captured == null ? null : captured.getMap();
        CallDetail.Costs costs = new CallDetail.Costs(
                c.getBigDecimal("stt_cost"),
                c.getBigDecimal("llm_cost"),
                c.getBigDecimal("tts_cost"),
                c.getBigDecimal("total_cost"),
                items);
        CallDetail.ActionState action = new CallDetail.ActionState(
                Boolean.TRUE.equals(c.getBoolean("open_action")),
                c.getBoolean("requires_action"),
                c.getString("marked_by"),
                instant(c.getOffsetDateTime("marked_at")),
                c.getString("mark_note"),
                c.getString("resolved_by"),
                instant(c.getOffsetDateTime("resolved_at")),
                c.getString("resolution_note"));
        CallDetail.Archive archive = new CallDetail.Archive(
                c.getString("archived_by") != null,
                c.getString("archived_by"),
                instant(c.getOffsetDateTime("archived_at")));
        return new CallDetail(
                c.getString("call_id"),
                c.getString("tenant_id"),
                c.getString("call_sid"),
                c.getString("caller_phone"),
                c.getString("dialed_number"),
                c.getString("direction"),
                c.getString("status"),
                instant(c.getOffsetDateTime("started_at")),
                instant(c.getOffsetDateTime("ended_at")),
                c.getLong("duration_seconds"),
                c.getString("twilio_status"),
                c.getLong("twilio_duration_seconds"),
                c.getString("ended_reason"),
                c.getString("summary"),
                c.getString("reason_for_calling"),
                c.getString("outcome"),
                capturedData,
                c.getString("priority"),
                c.getString("transferred_to"),
                c.getString("transfer_outcome"),
                c.getBoolean("transfer_returned_to_agent"),
                Boolean.TRUE.equals(c.getBoolean("fallback_played")),
                costs,
                action,
                archive,
                turns);
    }

    private static List<CallSummary> summaries(RowSet<Row> rows) {
        List<CallSummary> list = new ArrayList<>(rows.size());
        for (Row row : rows) {
            list.add(CallSummary.from(row));
        }
        return list;
    }
}
