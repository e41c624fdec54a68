package com.spotfunnel.voice.admin.onboarding;

import com.spotfunnel.voice.admin.onboarding.OnboardingModels.KnowledgeStep;
import com.spotfunnel.voice.admin.onboarding.OnboardingModels.Session;
import com.spotfunnel.voice.admin.tenants.TenantSpec;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** SQL for admin.onboarding_sessions. A session past its expiry reads as {@code expired}. */
@ApplicationScoped
public class OnboardingRepository {

    private static final String SELECT = """
            SELECT session_id, started_by, tenant_id, name, industry, agent, knowledge, phone_numbers,
                   CASE WHEN status = 'in_progress' AND expires_at < now() THEN 'expired' ELSE status END AS status,
                   created_at, updated_at, expires_at
            FROM admin.onboarding_sessions""";

    public Uni<Void> insert(SqlClient sql, UUID id, String actor, OnboardingModels.Start start, Duration ttl) {
        return sql.preparedQuery("""
                INSERT INTO admin.onboarding_sessions (session_id, started_by, tenant_id, name, industry, expires_at)
                VALUES ($1, $2, $3, $4, $5, now() + make_interval(secs => $6))""")
                .execute(Tuple.of(
                        id, actor, start.tenantId(), start.name().strip(), start.industry(), (double) ttl.toSeconds()))
                .replaceWithVoid();
    }

    public Uni<Optional<Session>> find(SqlClient sql, UUID id, boolean forUpdate) {
        return sql.preparedQuery(SELECT + " WHERE session_id = $1" + (forUpdate ? " FOR UPDATE" : ""))
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(map(rows.iterator().next())));
    }

    public Uni<List<Session>> open(SqlClient sql) {
        return sql.query(SELECT + " WHERE status = 'in_progress' AND expires_at >= now() ORDER BY updated_at DESC")
                .execute()
                .map(rows -> {
                    List<Session> list = new ArrayList<>();
                    rows.forEach(row -> list.add(map(row)));
                    return list;
                });
    }

    /** Saves one step and keeps the session alive for another {@code ttl}. */
    public Uni<Void> saveStep(SqlClient sql, UUID id, String column, Object value, Duration ttl) {
        return sql.preparedQuery("UPDATE admin.onboarding_sessions SET " + column + " = $2, updated_at = now(), "
                        + "expires_at = now() + make_interval(secs => $3) WHERE session_id = $1")
                .execute(Tuple.of(id, value, (double) ttl.toSeconds()))
                .replaceWithVoid();
    }

    public Uni<Void> complete(SqlClient sql, UUID id) {
        return sql.preparedQuery(
                        "UPDATE admin.onboarding_sessions SET status = 'completed', updated_at = now() WHERE session_id = $1")
                .execute(Tuple.of(id))
                .replaceWithVoid();
    }

    /** @return how many abandoned sessions were marked expired */
    public Uni<Integer> expireAbandoned(SqlClient sql) {
        return sql.query(
                        "UPDATE admin.onboarding_sessions SET status = 'expired' WHERE status = 'in_progress' AND expires_at < now()")
                .execute()
                .map(rows -> rows.rowCount());
    }

    private static Session map(Row row) {
        JsonObject agent = row.getJsonObject("agent");
        JsonObject knowledge = row.getJsonObject("knowledge");
        String[] numbers = row.getArrayOfStrings("phone_numbers");
        Map<String, Boolean> steps = new LinkedHashMap<>();
        steps.put("agent", agent != null);
        steps.put("knowledge", knowledge != null);
        steps.put("telephony", numbers != null);
        return new Session(
                row.getUUID("session_id"),
                row.getString("tenant_id"),
                row.getString("name"),
                row.getString("industry"),
                row.getString("status"),
                steps,
                agent == null ? null : agent.mapTo(TenantSpec.AgentSpec.class),
                knowledge == null ? null : knowledge.mapTo(KnowledgeStep.class),
                numbers == null ? null : Arrays.asList(numbers),
                row.getString("started_by"),
                instant(row.getOffsetDateTime("created_at")),
                instant(row.getOffsetDateTime("updated_at")),
                instant(row.getOffsetDateTime("expires_at")));
    }

    private static java.time.Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
