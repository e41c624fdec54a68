package com.spotfunnel.voice.support.edge;

import com.spotfunnel.voice.support.problem.Problem;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers an overlong request line (414) or oversized headers (431) with problem+json. Netty refuses what passes
 * its own limits ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}) before any handler
 * runs, with an empty body; those limits are set above ours, so every request between ours and Netty's gets a body
 * that says which limit it broke. Beyond Netty's limits the answer stays Netty's (status only).
 */
@ApplicationScoped
public class RequestHeadGuard {

    void install(
            @Observes Router router,
            @ConfigProperty(name = "spotfunnel.http.max-uri-length", defaultValue = "4096") int maxUriLength,
            @ConfigProperty(name = "spotfunnel.http.max-header-bytes", defaultValue = "8192") int maxHeaderBytes) {
        router.route()
                .order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 2)
                .handler(rc -> check(rc, maxUriLength, maxHeaderBytes));
    }

    private static void check(RoutingContext rc, int maxUriLength, int maxHeaderBytes) {
        int uriLength = rc.request().uri().length();
        if (uriLength > maxUriLength) {
            refuse(
                    rc,
                    Problem.of(
                            414,
                            "URI Too Long",
                            "The request's path and query are " + uriLength
                                    + " characters; this service accepts at most " + maxUriLength + "."));
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : rc.request().headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > maxHeaderBytes) {
            refuse(
                    rc,
                    Problem.of(
                            431,
                            "Request Header Fields Too Large",
                            "The request's headers are about " + headerBytes + " bytes; this service accepts at most "
                                    + maxHeaderBytes + "."));
            return;
        }
        rc.next();
    }

    private static void refuse(RoutingContext rc, Problem problem) {
        rc.response()
                .setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(JsonObject.mapFrom(problem).encode());
    }
}
