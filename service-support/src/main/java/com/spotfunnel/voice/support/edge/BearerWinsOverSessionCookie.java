package com.spotfunnel.voice.support.edge;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A request with a bearer token is authenticated by that token alone: Quarkus' sign-in cookies ({@code q_session*},
 * {@code q_auth*}, {@code q_pkce*}) are taken off it before authentication. Otherwise a leftover session cookie
 * sends the request to the browser-session (code flow) tenant, which redirects a script to sign in and adds a state
 * cookie per redirect until the headers pass the limit (issue 16 item 8). Runs before CORS and authentication.
 */
@ApplicationScoped
public class BearerWinsOverSessionCookie {

    /** Above Quarkus' CORS filter (300) and authentication (200). */
    static final int PRIORITY = 400;

    void register(@Observes Filters filters) {
        filters.register(BearerWinsOverSessionCookie::strip, PRIORITY);
    }

    static void strip(RoutingContext rc) {
        String authorization = rc.request().getHeader(HttpHeaders.AUTHORIZATION);
        String cookies = rc.request().getHeader(HttpHeaders.COOKIE);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7) && cookies != null) {
            String kept = withoutSignInCookies(cookies);
            if (kept.isEmpty()) {
                rc.request().headers().remove(HttpHeaders.COOKIE);
            } else {
                rc.request().headers().set(HttpHeaders.COOKIE, kept);
            }
        }
        rc.next();
    }

    static String withoutSignInCookies(String header) {
        return Arrays.stream(header.split(";"))
                .map(String::trim)
                .filter(c -> !c.isEmpty())
                .filter(c -> !(c.startsWith("q_session") || c.startsWith("q_auth") || c.startsWith("q_pkce")))
                .collect(Collectors.joining("; "));
    }
}
