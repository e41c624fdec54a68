package com.spotfunnel.voice.admin.tenants;

import com.spotfunnel.voice.events.tenant.TenantConfig;
import com.spotfunnel.voice.events.tenant.TenantConfigCodec;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * admin.tenant_config_outbox: every change enqueues the tenant's whole new config in the change's own
 * transaction, so a committed change is always published (by {@link TenantConfigRelay}) and a rolled-back one
 * never is.
 */
@ApplicationScoped
public class TenantConfigOutbox {

    /** One pending record; a null payload is a tombstone. */
    public record Pending(long id, String tenantId, long version, byte[] payload) {}

    public Uni<Void> enqueue(SqlClient sql, TenantConfig config) {
        return sql.preparedQuery(
                        "INSERT INTO admin.tenant_config_outbox (tenant_id, version, payload) VALUES ($1, $2, $3)")
                .execute(Tuple.of(
                        config.tenantId(),
                        config.version(),
                        new String(TenantConfigCodec.encode(config), StandardCharsets.UTF_8)))
                .replaceWithVoid();
    }

    public Uni<Void> enqueueDeletion(SqlClient sql, String tenantId, long version) {
        return sql.preparedQuery(
                        "INSERT INTO admin.tenant_config_outbox (tenant_id, version, payload) VALUES ($1, $2, NULL)")
                .execute(Tuple.of(tenantId, version))
                .replaceWithVoid();
    }

    /** Only one relay, across every instance, drains at a time; false when another one is draining now. */
    public Uni<Boolean> tryLockForDrain(SqlClient sql) {
        return sql.query("SELECT pg_try_advisory_xact_lock(7160021)")
                .execute()
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    public Uni<List<Pending>> pending(SqlClient sql, int limit) {
        return sql.preparedQuery("""
                SELECT id, tenant_id, version, payload FROM admin.tenant_config_outbox
                WHERE published_at IS NULL ORDER BY id LIMIT $1""").execute(Tuple.of(limit)).map(rows -> {
            List<Pending> pending = new ArrayList<>();
            rows.forEach(row -> {
                String payload = row.getString("payload");
                pending.add(new Pending(
                        row.getLong("id"),
                        row.getString("tenant_id"),
                        row.getLong("version"),
                        payload == null ? null : payload.getBytes(StandardCharsets.UTF_8)));
            });
            return pending;
        });
    }

    public Uni<Void> markPublished(SqlClient sql, long id) {
        return sql.preparedQuery("UPDATE admin.tenant_config_outbox SET published_at = now() WHERE id = $1")
                .execute(Tuple.of(id))
                .replaceWithVoid();
    }

    public Uni<Integer> backlog(SqlClient sql) {
        return sql.query("SELECT count(*) FROM admin.tenant_config_outbox WHERE published_at IS NULL")
                .execute()
                .map(rows -> rows.iterator().next().getInteger(0));
    }

    /** Published records older than the retention are history the audit log already keeps. */
    public Uni<Integer> purgePublished(SqlClient sql, java.time.Duration retention) {
        return sql.preparedQuery("""
                DELETE FROM admin.tenant_config_outbox
                WHERE published_at IS NOT NULL AND published_at < now() - make_interval(secs => $1)""")
                .execute(Tuple.of((double) retention.toSeconds()))
                .map(rows -> rows.rowCount());
    }
}
