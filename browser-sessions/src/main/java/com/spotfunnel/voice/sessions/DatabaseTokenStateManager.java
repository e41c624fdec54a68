package com.spotfunnel.voice.sessions;

import com.spotfunnel.voice.support.http.OpaqueTokens;
import io.quarkus.oidc.AuthorizationCodeTokens;
import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TokenStateManager;
import io.quarkus.security.AuthenticationFailedException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Quarkus OIDC's token-state manager for the browser (code-flow) sessions: the ID, access and refresh tokens
 * live in the service's table ({@code spotfunnel.browser-sessions.table}); the session cookie holds only a random value whose SHA-256 finds the
 * row. Every request with the cookie reads the row ({@link #getTokens}), so deleting the row revokes the
 * session at once, on every instance.
 *
 * <p>A token refresh is, for Quarkus, "delete the old state, then create the new one" within the request. Here
 * the row is renewed in place instead, keeping its id, creation time and cookie value: requests the SPA sends
 * in parallel with the old cookie keep working while one of them refreshes. So {@link #deleteTokens} on the
 * request's own live session (other than a logout) only marks it; {@link #createTokenState} renews the marked
 * row, and a mark nothing renewed is deleted when the request ends (a failed refresh). A session revoked while
 * its refresh was under way is not renewed.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class DatabaseTokenStateManager implements TokenStateManager {

    /** The id of the live session this request came with (a {@link UUID}); read by the sessions API. */
    public static final String CURRENT_SESSION = "spotfunnel.browser-session.current";

    private static final String CURRENT_COOKIE = "spotfunnel.browser-session.cookie";
    private static final String CURRENT_CREATED_AT = "spotfunnel.browser-session.created-at";
    private static final String DELETE_AT_END = "spotfunnel.browser-session.delete-at-end";

    private static final Logger LOG = Logger.getLogger(DatabaseTokenStateManager.class);

    private final Pool pool;
    private final BrowserSessionRepository sessions;
    private final BrowserSessionsConfig config;

    public DatabaseTokenStateManager(Pool pool, BrowserSessionRepository sessions, BrowserSessionsConfig config) {
        this.pool = pool;
        this.sessions = sessions;
        this.config = config;
    }

    @Override
    public Uni<String> createTokenState(
            RoutingContext context,
            OidcTenantConfig oidcConfig,
            AuthorizationCodeTokens tokens,
            OidcRequestContext<String> requestContext) {
        JsonObject idClaims = JwtClaims.claims(tokens.getIdToken())
                .orElseThrow(() -> new AuthenticationFailedException("the ID token is not a JWT"));
        String subject = idClaims.getString("sub");
        UUID current = context.get(CURRENT_SESSION);
        String refreshedCookie = context.get(DELETE_AT_END);
        if (current != null && refreshedCookie != null) {
            Instant createdAt = context.get(CURRENT_CREATED_AT);
            return sessions.renew(pool, current, subject, tokens, expiresAt(createdAt, tokens))
                    .map(renewed -> {
                        if (!renewed) {
                            throw new AuthenticationFailedException("the session was revoked during its refresh");
                        }
                        context.remove(DELETE_AT_END);
                        return refreshedCookie;
                    });
        }
        UUID id = UUID.randomUUID();
        Instant createdAt = Instant.now();
        String cookieValue = OpaqueTokens.newToken();
        return sessions.insert(
                        pool,
                        id,
                        OpaqueTokens.sha256(cookieValue),
                        subject,
                        idClaims.getString("preferred_username"),
                        tokens,
                        context.request().getHeader("User-Agent"),
                        clientIp(context),
                        createdAt,
                        expiresAt(createdAt, tokens))
                .invoke(() -> context.put(CURRENT_SESSION, id))
                .replaceWith(cookieValue);
    }

    @Override
    public Uni<AuthorizationCodeTokens> getTokens(
            RoutingContext context,
            OidcTenantConfig oidcConfig,
            String tokenState,
            OidcRequestContext<AuthorizationCodeTokens> requestContext) {
        if (tokenState == null || tokenState.isEmpty()) {
            return Uni.createFrom().failure(new AuthenticationFailedException("no session"));
        }
        return sessions.use(pool, OpaqueTokens.sha256(tokenState), config.idleTimeout())
                .map(found -> {
                    StoredSession session = found.orElseThrow(() -> new AuthenticationFailedException(
                            "the session was revoked, has expired or was idle too long"));
                    context.put(CURRENT_SESSION, session.id());
                    context.put(CURRENT_CREATED_AT, session.createdAt());
                    context.put(CURRENT_COOKIE, tokenState);
                    return session.tokens();
                });
    }

    @Override
    public Uni<Void> deleteTokens(
            RoutingContext context,
            OidcTenantConfig oidcConfig,
            String tokenState,
            OidcRequestContext<Void> requestContext) {
        if (tokenState == null || tokenState.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        boolean ownLiveSession = tokenState.equals(context.get(CURRENT_COOKIE));
        boolean logout = oidcConfig
                .logout()
                .path()
                .filter(path -> path.equals(context.normalizedPath()))
                .isPresent();
        if (ownLiveSession && !logout) {
            if (context.get(DELETE_AT_END) == null) {
                context.put(DELETE_AT_END, tokenState);
                context.addEndHandler(ignored -> deleteIfNotRenewed(context));
            }
            return Uni.createFrom().voidItem();
        }
        return sessions.deleteByToken(pool, OpaqueTokens.sha256(tokenState)).replaceWithVoid();
    }

    private void deleteIfNotRenewed(RoutingContext context) {
        String cookie = context.get(DELETE_AT_END);
        if (cookie != null) {
            sessions.deleteByToken(pool, OpaqueTokens.sha256(cookie))
                    .subscribe()
                    .with(
                            ignored -> {},
                            e -> LOG.warnf(
                                    "Deleting an ended browser session failed (the cleanup will): %s", e.toString()));
        }
    }

    /**
     * The session ends at its maximum age, or earlier when its tokens run out: once both the ID token and the
     * provider's refresh token (when it is a JWT with {@code exp}) have expired, nothing can renew it.
     */
    private Instant expiresAt(Instant createdAt, AuthorizationCodeTokens tokens) {
        Instant max = createdAt.plus(config.maxAge());
        Optional<Instant> idToken = JwtClaims.expiry(tokens.getIdToken());
        Optional<Instant> refreshToken = tokens.getRefreshToken() == null
                ? Optional.empty()
                : JwtClaims.expiry(tokens.getRefreshToken()).or(() -> Optional.of(max));
        Optional<Instant> renewable = refreshToken.isEmpty()
                ? idToken
                : idToken.map(id -> id.isAfter(refreshToken.get()) ? id : refreshToken.get())
                        .or(() -> refreshToken);
        return renewable.filter(instant -> instant.isBefore(max)).orElse(max);
    }

    /** The caller's address (the proxy's forwarded one when quarkus.http.proxy.* says to trust it). */
    private static String clientIp(RoutingContext context) {
        return context.request().remoteAddress() == null
                ? null
                : context.request().remoteAddress().host();
    }
}
