package com.spotfunnel.voice.dashboard.actions;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** Writes the person-owned archive state of a call ({@code call_archive}). */
@ApplicationScoped
public class ArchiveRepository {

    private static final String EXISTS = "SELECT 1 FROM dashboard.call_logs WHERE call_id = $1 AND tenant_id = $2";
    private static final String ARCHIVE = """
            INSERT INTO dashboard.call_archive (call_id, tenant_id, archived_by, archived_at)
            VALUES ($1, $2, $3, now()) ON CONFLICT (call_id) DO NOTHING""";
    private static final String UNARCHIVE = "DELETE FROM dashboard.call_archive WHERE call_id = $1 AND tenant_id = $2";

    private final Pool pool;

    public ArchiveRepository(Pool pool) {
        this.pool = pool;
    }

    /** False when the tenant has no such call. Archiving an archived call keeps the first who/when. */
    public Uni<Boolean> archive(String tenantId, String callId, String user) {
        return pool.withTransaction(conn -> conn.preparedQuery(EXISTS)
                .execute(Tuple.of(callId, tenantId))
                .flatMap(found -> found.size() == 0
                        ? Uni.createFrom().item(false)
                        : conn.preparedQuery(ARCHIVE)
                                .execute(Tuple.of(callId, tenantId, user))
                                .replaceWith(true)));
    }

    /** False when the tenant has no such call. */
    public Uni<Boolean> unarchive(String tenantId, String callId) {
        return pool.withTransaction(conn -> conn.preparedQuery(EXISTS)
                .execute(Tuple.of(callId, tenantId))
                .flatMap(found -> found.size() == 0
                        ? Uni.createFrom().item(false)
                        : conn.preparedQuery(UNARCHIVE)
                                .execute(Tuple.of(callId, tenantId))
                                .replaceWith(true)));
    }
}
