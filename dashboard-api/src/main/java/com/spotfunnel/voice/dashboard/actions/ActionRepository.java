package com.spotfunnel.voice.dashboard.actions;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** Writes the person-owned follow-up state of a call ({@code call_actions}); never the projection. */
@ApplicationScoped
public class ActionRepository {

    /** Marking (again) opens the item and clears an earlier resolution. */
    private static final String MARK = """
            INSERT INTO dashboard.call_actions (call_id, tenant_id, marked_by, marked_at, mark_note)
            SELECT call_id, tenant_id, $3, now(), $4 FROM dashboard.call_logs WHERE call_id = $1 AND tenant_id = $2
            ON CONFLICT (call_id) DO UPDATE
               SET marked_by = EXCLUDED.marked_by, marked_at = EXCLUDED.marked_at, mark_note = EXCLUDED.mark_note,
                   resolved_by = NULL, resolved_at = NULL, resolution_note = NULL
             WHERE call_actions.tenant_id = EXCLUDED.tenant_id""";

    private static final String OPEN_STATE = """
            SELECT ((c.requires_action OR a.marked_at IS NOT NULL) AND a.resolved_at IS NULL) AS open
              FROM dashboard.call_logs c
              LEFT JOIN dashboard.call_actions a ON a.call_id = c.call_id AND a.tenant_id = c.tenant_id
             WHERE c.call_id = $1 AND c.tenant_id = $2
               FOR UPDATE OF c""";

    private static final String RESOLVE = """
            INSERT INTO dashboard.call_actions (call_id, tenant_id, resolved_by, resolved_at, resolution_note)
            VALUES ($1, $2, $3, now(), $4)
            ON CONFLICT (call_id) DO UPDATE
               SET resolved_by = EXCLUDED.resolved_by, resolved_at = EXCLUDED.resolved_at,
                   resolution_note = EXCLUDED.resolution_note""";

    public enum Outcome {
        DONE,
        NOT_FOUND,
        NOT_OPEN
    }

    private final Pool pool;

    public ActionRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Outcome> mark(String tenantId, String callId, String user, String note) {
        return pool.preparedQuery(MARK)
                .execute(Tuple.of(callId, tenantId, user, note))
                .map(rows -> rows.rowCount() == 0 ? Outcome.NOT_FOUND : Outcome.DONE);
    }

    public Uni<Outcome> resolve(String tenantId, String callId, String user, String note) {
        return pool.withTransaction(conn -> conn.preparedQuery(OPEN_STATE)
                .execute(Tuple.of(callId, tenantId))
                .flatMap(state -> {
                    if (state.size() == 0) {
                        return Uni.createFrom().item(Outcome.NOT_FOUND);
                    }
                    if (!Boolean.TRUE.equals(state.iterator().next().getBoolean("open"))) {
                        return Uni.createFrom().item(Outcome.NOT_OPEN);
                    }
                    return conn.preparedQuery(RESOLVE)
                            .execute(Tuple.of(callId, tenantId, user, note))
                            .replaceWith(Outcome.DONE);
                }));
    }
}
