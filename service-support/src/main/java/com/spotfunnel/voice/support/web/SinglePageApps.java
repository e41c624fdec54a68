package com.spotfunnel.voice.support.web;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Serves a web app (web/, packaged as static resources under {@code META-INF/resources/<base>/}) at its base
 * path as a single-page app: a deep link such as {@code /app/calls/123} is not a file, so it gets the app's
 * {@code index.html} and the app's router shows the page (instead of a 404). Anything with a dot in its last
 * segment is a file (the hashed assets) and goes to the static handler, a 404 when missing.
 *
 * <p>{@code spotfunnel.web.apps}: the base paths (e.g. {@code /app}); {@code spotfunnel.web.root-redirect}: where
 * {@code GET /} sends a browser (e.g. {@code /app/}). Neither set: nothing is installed.
 */
@ApplicationScoped
public class SinglePageApps {

    void install(
            @Observes Router router,
            @ConfigProperty(name = "spotfunnel.web.apps") Optional<List<String>> apps,
            @ConfigProperty(name = "spotfunnel.web.root-redirect") Optional<String> rootRedirect) {
        rootRedirect.ifPresent(target ->
                router.get("/").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(rc -> redirect(rc, target)));
        for (String app : apps.orElse(List.of())) {
            String base = app.endsWith("/") ? app.substring(0, app.length() - 1) : app;
            // A regex, not get(base): a Vert.x path route also matches base + "/", which would loop.
            router.getWithRegex(Pattern.quote(base))
                    .order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
                    .handler(rc -> redirect(rc, base + "/"));
            router.getWithRegex(Pattern.quote(base) + "/[^.]*")
                    .order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
                    .handler(rc -> rc.reroute(base + "/index.html"));
        }
    }

    private static void redirect(RoutingContext rc, String target) {
        rc.response().setStatusCode(302).putHeader("Location", target).end();
    }
}
