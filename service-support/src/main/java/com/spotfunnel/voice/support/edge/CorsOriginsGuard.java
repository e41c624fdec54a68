package com.spotfunnel.voice.support.edge;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a wildcard in the allowed CORS origins: with credentials allowed, {@code *} (or a {@code /.*}/ regex)
 * would let any web page call the APIs with the user's credentials. Origins must be listed exactly.
 */
@ApplicationScoped
public class CorsOriginsGuard {

    void check(
            @Observes StartupEvent event,
            @ConfigProperty(name = "quarkus.http.cors.origins") Optional<List<String>> origins) {
        origins.flatMap(CorsOriginsGuard::wildcard).ifPresent(bad -> {
            throw new IllegalStateException(
                    "CORS_ALLOWED_ORIGINS must list exact origins; '" + bad + "' would allow any site");
        });
    }

    static Optional<String> wildcard(List<String> origins) {
        return origins.stream()
                .map(String::trim)
                .filter(o -> o.contains("*") || (o.startsWith("/") && o.endsWith("/")))
                .findFirst();
    }
}
