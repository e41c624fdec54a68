package com.spotfunnel.voice.support.ratelimit;

import com.spotfunnel.voice.support.http.TrustedProxies;
import com.spotfunnel.voice.support.problem.Problem;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The HTTP edge's rate limits, as Vert.x filters so they cover every route (REST, unknown paths) except the
 * exempt ones ({@code /q/*}, WebSocket upgrades; a WebSocket's frames are never HTTP requests):
 * <ul>
 * <li>per client address: {@code calls} for the live-call routes, {@code client} for everything else; runs after
 * CORS (so a 429 still carries CORS headers) and before authentication (a flood is refused before any token is
 * checked);</li>
 * <li>per principal (a token claim), after authentication.</li>
 * </ul>
 * A counted response carries {@code X-RateLimit-Limit/-Remaining/-Reset} of the tightest limit it was counted
 * against; a refused one is 429 with {@code Retry-After} and a problem naming the limit.
 */
@ApplicationScoped
public class RateLimitFilters {

    /** Quarkus' CORS filter runs at 300, authentication at 200, HTTP permission checks at 100. */
    static final int CLIENT_PRIORITY = 250;

    static final int PRINCIPAL_PRIORITY = 120;
    static final String CLIENT = "client";
    static final String CALLS = "calls";
    private static final String SHOWN_USAGE = "spotfunnel.rate-limit.usage";

    private final RateLimitConfig config;
    private final RateLimiter limiter;
    private final TrustedProxies proxies;
    private final PathPrefixes exemptPaths;
    private final PathPrefixes callPaths;
    private final List<String> exemptRoles;

    public RateLimitFilters(RateLimitConfig config, RateLimiter limiter) {
        this.config = config;
        this.limiter = limiter;
        this.proxies = new TrustedProxies(config.trustedProxies().orElse(List.of()));
        this.exemptPaths = new PathPrefixes(config.exemptPaths());
        this.callPaths = new PathPrefixes(config.calls().paths().orElse(List.of()));
        this.exemptRoles = config.principal().exemptRoles().orElse(List.of());
    }

    void register(@Observes Filters filters) {
        if (!config.enabled()) {
            return;
        }
        filters.register(this::byClient, CLIENT_PRIORITY);
        if (config.principal().claim().isPresent()) {
            filters.register(this::byPrincipal, PRINCIPAL_PRIORITY);
        }
    }

    void byClient(RoutingContext rc) {
        String path = rc.normalizedPath();
        if (exempt(rc)) {
            rc.next();
            return;
        }
        SocketAddress peer = rc.request().connection().remoteAddress();
        String client = proxies.clientAddress(
                peer == null ? "unknown" : peer.hostAddress(),
                rc.request().headers().getAll("X-Forwarded-For"));
        if (callPaths.covers(path)) {
            count(
                    rc,
                    limiter.hit(
                            CALLS,
                            client,
                            config.calls().requests(),
                            config.calls().window()));
        } else {
            count(
                    rc,
                    limiter.hit(
                            CLIENT,
                            client,
                            config.client().requests(),
                            config.client().window()));
        }
    }

    void byPrincipal(RoutingContext rc) {
        if (exempt(rc)) {
            rc.next();
            return;
        }
        RateLimitConfig.Principal principal = config.principal();
        Context context = Vertx.currentContext();
        // A bad token is not this filter's business: the request goes on and is refused where auth is checked.
        QuarkusHttpUser.getSecurityIdentity(rc, null)
                .onFailure()
                .recoverWithNull()
                .map(identity -> hasExemptRole(identity)
                        ? null
                        : PrincipalClaim.of(identity, principal.claim().orElseThrow()))
                .subscribe()
                .with(
                        subject -> onContext(context, () -> {
                            if (subject == null) {
                                rc.next();
                            } else {
                                count(
                                        rc,
                                        limiter.hit(
                                                principal.label(), subject, principal.requests(), principal.window()));
                            }
                        }),
                        failure -> onContext(context, rc::next));
    }

    private boolean hasExemptRole(SecurityIdentity identity) {
        return identity != null && exemptRoles.stream().anyMatch(identity::hasRole);
    }

    private void count(RoutingContext rc, Uni<Optional<Usage>> hit) {
        Context context = Vertx.currentContext();
        hit.subscribe()
                .with(
                        usage -> onContext(context, () -> decide(rc, usage.orElse(null))),
                        failure -> onContext(context, rc::next));
    }

    private void decide(RoutingContext rc, Usage usage) {
        if (usage == null) {
            rc.next();
            return;
        }
        Usage shown = rc.get(SHOWN_USAGE);
        if (shown == null) {
            rc.addHeadersEndHandler(v -> writeHeaders(rc));
        }
        rc.put(SHOWN_USAGE, Usage.tighter(shown, usage));
        if (!usage.exceeded()) {
            rc.next();
            return;
        }
        rc.put(SHOWN_USAGE, usage);
        limiter.refused(usage.limit());
        long retryAfter = usage.resetSeconds();
        JsonObject problem = new JsonObject()
                .put("type", "about:blank")
                .put("title", "Too Many Requests")
                .put("status", 429)
                .put(
                        "detail",
                        "Rate limit '" + usage.limit() + "' exceeded: " + usage.allowed() + " requests per "
                                + seconds(windowOf(usage.limit())) + " s; retry after " + retryAfter + " s.")
                .put("limit", usage.limit());
        rc.response()
                .setStatusCode(429)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Retry-After", Long.toString(retryAfter))
                .end(problem.encode());
    }

    private void writeHeaders(RoutingContext rc) {
        Usage usage = rc.get(SHOWN_USAGE);
        rc.response()
                .headers()
                .set("X-RateLimit-Limit", Integer.toString(usage.allowed()))
                .set("X-RateLimit-Remaining", Long.toString(usage.remaining()))
                .set("X-RateLimit-Reset", Long.toString(usage.resetSeconds()));
    }

    private Duration windowOf(String limit) {
        return switch (limit) {
            case CLIENT -> config.client().window();
            case CALLS -> config.calls().window();
            default -> config.principal().window();
        };
    }

    private static long seconds(Duration window) {
        return Math.max(1, window.toSeconds());
    }

    /**
     * {@code /q/*}, and WebSocket upgrades: a call's media must never wait on the limiter, and upgrades are bounded
     * anyway (a Media Stream needs the one-time token of a counted webhook's TwiML; the pipeline bridge is internal).
     */
    private boolean exempt(RoutingContext rc) {
        return exemptPaths.covers(rc.normalizedPath())
                || "websocket".equalsIgnoreCase(rc.request().getHeader("Upgrade"));
    }

    /** Redis answers on its own thread or event loop; the request continues on its own. */
    private static void onContext(Context context, Runnable action) {
        if (context == null || Vertx.currentContext() == context) {
            action.run();
        } else {
            context.runOnContext(v -> action.run());
        }
    }
}
