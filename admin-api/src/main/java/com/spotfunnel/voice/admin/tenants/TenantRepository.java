package com.spotfunnel.voice.admin.tenants;

import com.spotfunnel.voice.admin.common.Json;
import com.spotfunnel.voice.events.tenant.AgentConfig;
import com.spotfunnel.voice.events.tenant.TenantConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** SQL for admin.tenants and admin.phone_numbers. Each method runs on the client (or transaction) it is given. */
@ApplicationScoped
public class TenantRepository {

    private static final String SELECT = """
            SELECT t.tenant_id, t.version, t.name, t.industry, t.active, t.agent, t.created_at, t.updated_at,
                   coalesce((SELECT array_agg(p.number ORDER BY p.number) FROM admin.phone_numbers p
                             WHERE p.tenant_id = t.tenant_id), '{}') AS numbers
            FROM admin.tenants t
            """;

    public Uni<Optional<StoredTenant>> find(SqlClient sql, String tenantId) {
        return sql.preparedQuery(SELECT + " WHERE t.tenant_id = $1")
                .execute(Tuple.of(tenantId))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(map(rows.iterator().next())));
    }

    /** Locks the tenant's row until the transaction ends; empty when there is no such tenant. */
    public Uni<Optional<Long>> lockVersion(SqlClient sql, String tenantId) {
        return sql.preparedQuery("SELECT version FROM admin.tenants WHERE tenant_id = $1 FOR UPDATE")
                .execute(Tuple.of(tenantId))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(rows.iterator().next().getLong(0)));
    }

    public Uni<List<StoredTenant>> list(SqlClient sql) {
        return sql.query(SELECT + " ORDER BY t.tenant_id").execute().map(rows -> {
            List<StoredTenant> tenants = new ArrayList<>();
            rows.forEach(row -> tenants.add(map(row)));
            return tenants;
        });
    }

    public Uni<Void> insert(SqlClient sql, TenantValidator.ValidTenant tenant, Instant now) {
        return sql.preparedQuery("""
                INSERT INTO admin.tenants (tenant_id, version, name, industry, active, agent, created_at, updated_at)
                VALUES ($1, 1, $2, $3, $4, $5, $6, $6)""")
                .execute(Tuple.of(
                        tenant.tenantId(),
                        tenant.name(),
                        tenant.industry(),
                        tenant.active(),
                        Json.toJsonb(tenant.agent()),
                        utc(now)))
                .replaceWithVoid();
    }

    public Uni<Void> update(SqlClient sql, TenantValidator.ValidTenant tenant, long newVersion, Instant now) {
        return sql.preparedQuery("""
                UPDATE admin.tenants SET version = $2, name = $3, industry = $4, active = $5, agent = $6, updated_at = $7
                WHERE tenant_id = $1""")
                .execute(Tuple.from(Arrays.asList(
                        tenant.tenantId(),
                        newVersion,
                        tenant.name(),
                        tenant.industry(),
                        tenant.active(),
                        Json.toJsonb(tenant.agent()),
                        utc(now))))
                .replaceWithVoid();
    }

    /** A change that is not to the tenant's own fields (its numbers, its knowledge) still makes a new version. */
    public Uni<Void> bumpVersion(SqlClient sql, String tenantId, long newVersion, Instant now) {
        return sql.preparedQuery("UPDATE admin.tenants SET version = $2, updated_at = $3 WHERE tenant_id = $1")
                .execute(Tuple.of(tenantId, newVersion, utc(now)))
                .replaceWithVoid();
    }

    public Uni<Void> delete(SqlClient sql, String tenantId) {
        return sql.preparedQuery("DELETE FROM admin.tenants WHERE tenant_id = $1")
                .execute(Tuple.of(tenantId))
                .replaceWithVoid();
    }

    /** The numbers among these that some tenant already has, with that tenant. */
    public Uni<List<String[]>> owners(SqlClient sql, List<String> numbers) {
        return sql.preparedQuery("SELECT number, tenant_id FROM admin.phone_numbers WHERE number = ANY($1)")
                .execute(Tuple.of(numbers.toArray(new String[0])))
                .map(rows -> {
                    List<String[]> owners = new ArrayList<>();
                    rows.forEach(row -> owners.add(new String[] {row.getString(0), row.getString(1)}));
                    return owners;
                });
    }

    public Uni<Void> addNumbers(SqlClient sql, String tenantId, List<String> numbers) {
        if (numbers.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return sql.preparedQuery("""
                INSERT INTO admin.phone_numbers (number, tenant_id) SELECT n, $2 FROM unnest($1::text[]) AS n""")
                .execute(Tuple.of(numbers.toArray(new String[0]), tenantId))
                .replaceWithVoid();
    }

    /** @return how many were removed */
    public Uni<Integer> removeNumbers(SqlClient sql, String tenantId, List<String> numbers) {
        return sql.preparedQuery("DELETE FROM admin.phone_numbers WHERE tenant_id = $2 AND number = ANY($1)")
                .execute(Tuple.of(numbers.toArray(new String[0]), tenantId))
                .map(rows -> rows.rowCount());
    }

    public Uni<Void> removeAllNumbers(SqlClient sql, String tenantId) {
        return sql.preparedQuery("DELETE FROM admin.phone_numbers WHERE tenant_id = $1")
                .execute(Tuple.of(tenantId))
                .replaceWithVoid();
    }

    private static StoredTenant map(Row row) {
        AgentConfig agent = Json.fromJsonb(row.getJsonObject("agent"), AgentConfig.class);
        String[] numbers = row.getArrayOfStrings("numbers");
        TenantConfig config = new TenantConfig(
                row.getString("tenant_id"),
                row.getLong("version"),
                row.getString("name"),
                row.getString("industry"),
                row.getBoolean("active"),
                numbers == null ? List.of() : Arrays.asList(numbers),
                agent,
                row.getOffsetDateTime("updated_at").toInstant());
        return new StoredTenant(config, row.getOffsetDateTime("created_at").toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
