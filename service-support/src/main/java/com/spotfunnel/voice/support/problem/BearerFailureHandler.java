package com.spotfunnel.voice.support.problem;

import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A bearer token refused while authenticating the request (garbage, forged, expired, another audience), before any
 * endpoint ran: 401 problem+json instead of Quarkus' empty challenge. Only for requests carrying an
 * {@code Authorization} header; a browser session's failure keeps the OIDC code flow's own handling (sign in again).
 * This is the Vert.x failure handler Quarkus documents for customising proactive authentication failures.
 */
@ApplicationScoped
public class BearerFailureHandler {

    void install(@Observes Router router) {
        router.route().failureHandler(this::handle);
    }

    private void handle(RoutingContext rc) {
        if (!(rc.failure() instanceof AuthenticationFailedException)
                || rc.response().headWritten()
                || rc.request().getHeader(HttpHeaders.AUTHORIZATION) == null) {
            rc.next();
            return;
        }
        Problem problem = Problem.of(401, "Unauthorized", "A valid bearer token is required.");
        rc.response()
                .setStatusCode(401)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader("WWW-Authenticate", "Bearer")
                .end(JsonObject.mapFrom(problem).encode());
    }
}
