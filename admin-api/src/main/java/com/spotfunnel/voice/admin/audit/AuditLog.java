package com.spotfunnel.voice.admin.audit;

import com.spotfunnel.voice.admin.common.Json;
import com.spotfunnel.voice.events.tenant.TenantConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** admin.audit_log: written in the same transaction as the change it describes. */
@ApplicationScoped
public class AuditLog {

    public Uni<Void> record(
            SqlClient sql, String actor, String action, String tenantId, TenantConfig before, TenantConfig after) {
        Long version = after != null ? Long.valueOf(after.version()) : null;
        return sql.preparedQuery("""
                INSERT INTO admin.audit_log (actor, action, tenant_id, version, before, after)
                VALUES ($1, $2, $3, $4, $5, $6)""")
                .execute(Tuple.of(actor, action, tenantId, version, Json.toJsonb(before), Json.toJsonb(after)))
                .replaceWithVoid();
    }

    /** A change that is not to the published config itself (knowledge, onboarding): before/after as given. */
    public Uni<Void> recordOther(
            SqlClient sql,
            String actor,
            String action,
            String tenantId,
            io.vertx.core.json.JsonObject before,
            io.vertx.core.json.JsonObject after) {
        return sql.preparedQuery("""
                INSERT INTO admin.audit_log (actor, action, tenant_id, before, after) VALUES ($1, $2, $3, $4, $5)""")
                .execute(Tuple.of(actor, action, tenantId, before, after))
                .replaceWithVoid();
    }

    /** The tenant's changes, newest first. */
    public Uni<List<AuditEntry>> forTenant(SqlClient sql, String tenantId, int limit) {
        return sql.preparedQuery("""
                SELECT id, at, actor, action, tenant_id, version, before, after FROM admin.audit_log
                WHERE tenant_id = $1 ORDER BY id DESC LIMIT $2""").execute(Tuple.of(tenantId, limit)).map(rows -> {
            List<AuditEntry> entries = new ArrayList<>();
            rows.forEach(row -> entries.add(new AuditEntry(
                    row.getLong("id"),
                    row.getOffsetDateTime("at").toInstant(),
                    row.getString("actor"),
                    row.getString("action"),
                    row.getString("tenant_id"),
                    row.getLong("version"),
                    AuditEntry.map(row.getJsonObject("before")),
                    AuditEntry.map(row.getJsonObject("after")))));
            return entries;
        });
    }
}
