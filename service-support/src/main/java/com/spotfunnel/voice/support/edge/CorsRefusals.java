package com.spotfunnel.voice.support.edge;

import com.spotfunnel.voice.support.problem.Problem;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Cross-origin requests the CORS policy refuses get 403 problem+json and no {@code Access-Control-*} header
 * (docs/security.md). Quarkus' CORS filter refuses them with an empty body, and a request from an allowed origin
 * with a method outside the list after it has already set the allow headers. This filter runs just before it and
 * answers the refusals it is sure of (an origin that is neither listed nor this host; a method not listed); whatever
 * it lets through, Quarkus still checks, and {@link #stripOnRefusal} takes the allow headers off Quarkus' own refusals.
 */
@ApplicationScoped
public class CorsRefusals {

    /** Just above Quarkus' CORS filter (300). */
    static final int PRIORITY = 310;

    private final List<String> origins;
    private final List<String> methods;
    private final boolean enabled;

    public CorsRefusals(
            @ConfigProperty(name = "quarkus.http.cors.enabled", defaultValue = "false") boolean enabled,
            @ConfigProperty(name = "quarkus.http.cors.origins") Optional<List<String>> origins,
            @ConfigProperty(name = "quarkus.http.cors.methods") Optional<List<String>> methods) {
        this.enabled = enabled;
        this.origins = origins.orElse(List.of()).stream().map(String::trim).toList();
        this.methods = methods.orElse(List.of()).stream()
                .map(m -> m.trim().toUpperCase(Locale.ROOT))
                .toList();
    }

    void register(@Observes Filters filters) {
        if (enabled) {
            filters.register(this::check, PRIORITY);
        }
    }

    void check(RoutingContext rc) {
        String origin = rc.request().getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            rc.next();
            return;
        }
        rc.addHeadersEndHandler(v -> stripOnRefusal(rc));
        if (!origins.contains(origin) && !sameHost(origin, rc.request().getHeader(HttpHeaders.HOST))) {
            refuse(rc, "Requests from origin " + origin + " are not allowed.");
            return;
        }
        String method = rc.request().method().name();
        if (!"OPTIONS".equals(method) && !methods.isEmpty() && !methods.contains(method)) {
            refuse(rc, "Method " + method + " is not allowed from another origin.");
            return;
        }
        rc.next();
    }

    /** Quarkus' own refusal (a 403 it ends itself) must not carry the allow headers it set before refusing. */
    private static void stripOnRefusal(RoutingContext rc) {
        if (rc.response().getStatusCode() == 403
                && String.valueOf(rc.response().getStatusMessage()).startsWith("CORS Rejected")) {
            List<String> cors = rc.response().headers().names().stream()
                    .filter(name -> name.toLowerCase(Locale.ROOT).startsWith("access-control-"))
                    .toList();
            cors.forEach(rc.response().headers()::remove);
        }
    }

    /** The origin names the host the request was sent to (ports and scheme aside: Quarkus checks those itself). */
    static boolean sameHost(String origin, String host) {
        if (host == null) {
            return false;
        }
        try {
            String originHost = URI.create(origin).getHost();
            String requestHost = host.startsWith("[")
                    ? host.substring(0, host.indexOf(']') + 1)
                    : host.contains(":") ? host.substring(0, host.indexOf(':')) : host;
            return originHost != null
                    && originHost.equalsIgnoreCase(requestHost.replace("[", "").replace("]", ""));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void refuse(RoutingContext rc, String detail) {
        Problem problem = Problem.of(403, "Forbidden", detail);
        rc.response()
                .setStatusCode(403)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(JsonObject.mapFrom(problem).encode());
    }
}
