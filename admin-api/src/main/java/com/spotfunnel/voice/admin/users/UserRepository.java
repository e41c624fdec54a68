package com.spotfunnel.voice.admin.users;

import com.spotfunnel.voice.admin.users.UserModels.Invitation;
import com.spotfunnel.voice.admin.users.UserModels.User;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for admin.users and admin.invitations. */
@ApplicationScoped
public class UserRepository {

    public Uni<Void> insertInvitation(
            SqlClient sql,
            UUID id,
            String email,
            String role,
            String tenantId,
            String tokenHash,
            String invitedBy,
            Duration ttl) {
        return sql.preparedQuery("""
                INSERT INTO admin.invitations (invitation_id, email, role, tenant_id, token_sha256, invited_by, expires_at)
                VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(secs => $7))""")
                .execute(Tuple.from(
                        Arrays.asList(id, email, role, tenantId, tokenHash, invitedBy, (double) ttl.toSeconds())))
                .replaceWithVoid();
    }

    /** Newest first; {@code pendingOnly}: neither accepted, revoked nor expired. */
    public Uni<List<Invitation>> invitations(SqlClient sql, boolean pendingOnly) {
        return sql.preparedQuery("""
                SELECT * FROM admin.invitations
                WHERE NOT $1 OR (accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now())
                ORDER BY created_at DESC LIMIT 500""").execute(Tuple.of(pendingOnly)).map(rows -> {
            List<Invitation> list = new ArrayList<>();
            rows.forEach(row -> list.add(invitation(row)));
            return list;
        });
    }

    public Uni<Optional<Invitation>> invitation(SqlClient sql, UUID id) {
        return sql.preparedQuery("SELECT * FROM admin.invitations WHERE invitation_id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(invitation(rows.iterator().next())));
    }

    /** The invitation with this token hash, locked for the accepting transaction. */
    public Uni<Optional<Invitation>> lockByToken(SqlClient sql, String tokenHash) {
        return sql.preparedQuery("SELECT * FROM admin.invitations WHERE token_sha256 = $1 FOR UPDATE")
                .execute(Tuple.of(tokenHash))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(invitation(rows.iterator().next())));
    }

    /** The invitation, locked for the revoking transaction. */
    public Uni<Optional<Invitation>> lock(SqlClient sql, UUID id) {
        return sql.preparedQuery("SELECT * FROM admin.invitations WHERE invitation_id = $1 FOR UPDATE")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(invitation(rows.iterator().next())));
    }

    public Uni<Void> markRevoked(SqlClient sql, UUID id, String actor) {
        return sql.preparedQuery(
                        "UPDATE admin.invitations SET revoked_at = now(), revoked_by = $2 WHERE invitation_id = $1")
                .execute(Tuple.of(id, actor))
                .replaceWithVoid();
    }

    public Uni<Void> markAccepted(SqlClient sql, UUID id, String subject) {
        return sql.preparedQuery(
                        "UPDATE admin.invitations SET accepted_at = now(), accepted_by = $2 WHERE invitation_id = $1")
                .execute(Tuple.of(id, subject))
                .replaceWithVoid();
    }

    /** Creates or updates the user of this email, linked to this OIDC subject. */
    public Uni<User> upsertUser(
            SqlClient sql, String email, String role, String tenantId, String subject, String invitedBy) {
        return sql.preparedQuery("""
                INSERT INTO admin.users (user_id, email, role, tenant_id, oidc_subject, invited_by) VALUES ($1, $2, $3, $4, $5, $6)
                ON CONFLICT (email) DO UPDATE SET role = EXCLUDED.role, tenant_id = EXCLUDED.tenant_id,
                    oidc_subject = EXCLUDED.oidc_subject
                RETURNING *""")
                .execute(Tuple.from(Arrays.asList(UUID.randomUUID(), email, role, tenantId, subject, invitedBy)))
                .map(rows -> user(rows.iterator().next()));
    }

    public Uni<List<User>> users(SqlClient sql, String tenantId) {
        return sql.preparedQuery("SELECT * FROM admin.users WHERE ($1::text IS NULL OR tenant_id = $1) ORDER BY email")
                .execute(Tuple.of(tenantId))
                .map(rows -> {
                    List<User> list = new ArrayList<>();
                    rows.forEach(row -> list.add(user(row)));
                    return list;
                });
    }

    public Uni<Optional<User>> bySubject(SqlClient sql, String subject) {
        return sql.preparedQuery("SELECT * FROM admin.users WHERE oidc_subject = $1")
                .execute(Tuple.of(subject))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(user(rows.iterator().next())));
    }

    /** The user, locked for a changing transaction. */
    public Uni<Optional<User>> lockUser(SqlClient sql, UUID id) {
        return sql.preparedQuery("SELECT * FROM admin.users WHERE user_id = $1 FOR UPDATE")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(user(rows.iterator().next())));
    }

    public Uni<User> updateRole(SqlClient sql, UUID id, String role, String tenantId) {
        return sql.preparedQuery("UPDATE admin.users SET role = $2, tenant_id = $3 WHERE user_id = $1 RETURNING *")
                .execute(Tuple.of(id, role, tenantId))
                .map(rows -> user(rows.iterator().next()));
    }

    public Uni<User> deactivate(SqlClient sql, UUID id, String actor) {
        return sql.preparedQuery("""
                UPDATE admin.users SET deactivated_at = now(), deactivated_by = $2 WHERE user_id = $1 RETURNING *""")
                .execute(Tuple.of(id, actor))
                .map(rows -> user(rows.iterator().next()));
    }

    private static Invitation invitation(Row row) {
        return new Invitation(
                row.getUUID("invitation_id"),
                row.getString("email"),
                row.getString("role"),
                row.getString("tenant_id"),
                row.getString("invited_by"),
                instant(row.getOffsetDateTime("created_at")),
                instant(row.getOffsetDateTime("expires_at")),
                instant(row.getOffsetDateTime("accepted_at")),
                row.getString("accepted_by"),
                instant(row.getOffsetDateTime("revoked_at")),
                row.getString("revoked_by"));
    }

    private static User user(Row row) {
        return new User(
                row.getUUID("user_id"),
                row.getString("email"),
                row.getString("role"),
                row.getString("tenant_id"),
                row.getString("oidc_subject"),
                row.getString("invited_by"),
                instant(row.getOffsetDateTime("created_at")),
                instant(row.getOffsetDateTime("deactivated_at")),
                row.getString("deactivated_by"));
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
