package com.spotfunnel.voice.support.edge;

import com.spotfunnel.voice.support.problem.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a request whose declared body is larger than {@code quarkus.http.limits.max-body-size} with 413 and a
 * problem+json body saying the limit, before anything reads the body. Quarkus' own check (one step later) would
 * answer the same status with an empty body. A chunked body without Content-Length is still cut off by Quarkus at
 * the limit while it is read.
 */
@ApplicationScoped
public class OversizedBodyGuard {

    void install(
            @Observes Router router,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit) {
        if (limit.isEmpty()) {
            return;
        }
        long maxBytes = limit.get().asLongValue();
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(rc -> check(rc, maxBytes));
    }

    private static void check(RoutingContext rc, long maxBytes) {
        String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && declaredLength(length) > maxBytes) {
            Problem problem = Problem.of(
                    413,
                    "Payload Too Large",
                    "The request body is " + length + " bytes; this service accepts at most " + maxBytes + " bytes.");
            rc.response()
                    .setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    // The body is not read: close the connection rather than drain it.
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(JsonObject.mapFrom(problem).encode());
            return;
        }
        rc.next();
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
