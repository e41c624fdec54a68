package com.spotfunnel.voice.sessions;

import io.quarkus.oidc.TenantResolver;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Picks the OIDC tenant of a request so bearer clients see no change: a request with an {@code Authorization}
 * header, or with neither a session cookie nor a sign-in path, goes to the default tenant (bearer tokens: no
 * token → 401, never a redirect). {@code /login}, {@code /logout} and requests carrying the browser-session
 * cookie go to tenant {@value #WEB} (authorization-code flow, sessions in PostgreSQL).
 */
@ApplicationScoped
public class BrowserSessionTenantResolver implements TenantResolver {

    public static final String WEB = "web";
    /** Quarkus names the session cookie {@code q_session_<tenant>}. */
    static final String SESSION_COOKIE = "q_session_" + WEB;

    @Override
    public String resolve(RoutingContext context) {
        if (context.request().getHeader("Authorization") != null) {
            return null;
        }
        String path = context.normalizedPath();
        if ("/login".equals(path) || "/logout".equals(path)) {
            return WEB;
        }
        for (Cookie cookie : context.request().cookies()) {
            if (cookie.getName().startsWith(SESSION_COOKIE)) {
                return WEB;
            }
        }
        return null;
    }
}
