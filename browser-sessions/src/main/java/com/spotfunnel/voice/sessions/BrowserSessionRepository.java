package com.spotfunnel.voice.sessions;

import io.quarkus.oidc.AuthorizationCodeTokens;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * SQL for the service's session table ({@code spotfunnel.browser-sessions.table}, e.g. {@code admin.browser_sessions}).
 * A session is live while it is neither past {@code expires_at} nor idle too long.
 */
@ApplicationScoped
public class BrowserSessionRepository {

    private static final String LIVE = "expires_at > now() AND last_used_at > now() - make_interval(secs => $2)";
    private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]*\\.[a-z_][a-z0-9_]*");

    /** Schema-qualified; checked, since it is written into the SQL. */
    private final String table;

    public BrowserSessionRepository(BrowserSessionsConfig config) {
        if (!TABLE.matcher(config.table()).matches()) {
            throw new IllegalArgumentException(
                    "spotfunnel.browser-sessions.table must be schema.table in lower case: " + config.table());
        }
        this.table = config.table();
    }

    public Uni<Void> insert(
            SqlClient sql,
            UUID id,
            String tokenHash,
            String subject,
            String userName,
            AuthorizationCodeTokens tokens,
            String userAgent,
            String ip,
            Instant createdAt,
            Instant expiresAt) {
        return sql.preparedQuery("""
                INSERT INTO %s (session_id, token_sha256, oidc_subject, user_name, id_token, access_token,
                    refresh_token, access_token_expires_in, access_token_scope, user_agent, ip, created_at, expires_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)""".formatted(table))
                .execute(Tuple.from(Arrays.asList(
                        id,
                        tokenHash,
                        subject,
                        userName,
                        tokens.getIdToken(),
                        tokens.getAccessToken(),
                        tokens.getRefreshToken(),
                        tokens.getAccessTokenExpiresIn(),
                        tokens.getAccessTokenScope(),
                        userAgent,
                        ip,
                        utc(createdAt),
                        utc(expiresAt))))
                .replaceWithVoid();
    }

    /** Stores a refreshed session's new tokens and end; false when the session no longer exists (revoked). */
    public Uni<Boolean> renew(
            SqlClient sql, UUID id, String subject, AuthorizationCodeTokens tokens, Instant expiresAt) {
        return sql.preparedQuery("""
                UPDATE %s SET id_token = $3, access_token = $4, refresh_token = $5,
                    access_token_expires_in = $6, access_token_scope = $7, expires_at = $8, last_used_at = now()
                WHERE session_id = $1 AND oidc_subject = $2""".formatted(table))
                .execute(Tuple.from(Arrays.asList(
                        id,
                        subject,
                        tokens.getIdToken(),
                        tokens.getAccessToken(),
                        tokens.getRefreshToken(),
                        tokens.getAccessTokenExpiresIn(),
                        tokens.getAccessTokenScope(),
                        utc(expiresAt))))
                .map(rows -> rows.rowCount() > 0);
    }

    /** The live session of this cookie, marked used now; empty when it was revoked, expired or idle too long. */
    public Uni<Optional<StoredSession>> use(SqlClient sql, String tokenHash, Duration idleTimeout) {
        return sql.preparedQuery("UPDATE " + table + " SET last_used_at = now() WHERE token_sha256 = $1 AND " + LIVE
                        + " RETURNING session_id, oidc_subject, created_at, id_token, access_token, refresh_token,"
                        + " access_token_expires_in, access_token_scope")
                .execute(Tuple.of(tokenHash, (double) idleTimeout.toSeconds()))
                .map(rows -> first(rows)
                        .map(row -> new StoredSession(
                                row.getUUID("session_id"),
                                row.getString("oidc_subject"),
                                row.getOffsetDateTime("created_at").toInstant(),
                                new AuthorizationCodeTokens(
                                        row.getString("id_token"),
                                        row.getString("access_token"),
                                        row.getString("refresh_token"),
                                        row.getLong("access_token_expires_in"),
                                        row.getString("access_token_scope")))));
    }

    /** Deletes the session of this cookie; @return whether there was one. */
    public Uni<Boolean> deleteByToken(SqlClient sql, String tokenHash) {
        return sql.preparedQuery("DELETE FROM " + table + " WHERE token_sha256 = $1")
                .execute(Tuple.of(tokenHash))
                .map(rows -> rows.rowCount() > 0);
    }

    /** The live sessions of one subject, most recently used first. */
    public Uni<List<BrowserSession>> live(SqlClient sql, String subject, Duration idleTimeout, UUID current) {
        return sql.preparedQuery("SELECT session_id, created_at, last_used_at, expires_at, user_agent, ip" + " FROM "
                        + table + " WHERE oidc_subject = $1 AND " + LIVE + " ORDER BY last_used_at DESC")
                .execute(Tuple.of(subject, (double) idleTimeout.toSeconds()))
                .map(rows -> {
                    List<BrowserSession> list = new ArrayList<>();
                    rows.forEach(row -> list.add(new BrowserSession(
                            row.getUUID("session_id"),
                            row.getOffsetDateTime("created_at").toInstant(),
                            row.getOffsetDateTime("last_used_at").toInstant(),
                            row.getOffsetDateTime("expires_at").toInstant(),
                            row.getString("user_agent"),
                            row.getString("ip"),
                            row.getUUID("session_id").equals(current))));
                    return list;
                });
    }

    /** @return whether the subject had this session (another subject's session is never touched) */
    public Uni<Boolean> delete(SqlClient sql, String subject, UUID sessionId) {
        return sql.preparedQuery("DELETE FROM " + table + " WHERE session_id = $1 AND oidc_subject = $2")
                .execute(Tuple.of(sessionId, subject))
                .map(rows -> rows.rowCount() > 0);
    }

    /** @return how many sessions of the subject were deleted */
    public Uni<Integer> deleteAll(SqlClient sql, String subject) {
        return sql.preparedQuery("DELETE FROM " + table + " WHERE oidc_subject = $1")
                .execute(Tuple.of(subject))
                .map(RowSet::rowCount);
    }

    /** @return how many sessions past their expiry or idle longer than {@code idleTimeout} were deleted */
    public Uni<Integer> deleteEnded(SqlClient sql, Duration idleTimeout) {
        return sql.preparedQuery("DELETE FROM " + table
                        + " WHERE expires_at <= now() OR last_used_at <= now() - make_interval(secs => $1)")
                .execute(Tuple.of((double) idleTimeout.toSeconds()))
                .map(RowSet::rowCount);
    }

    private static Optional<Row> first(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
