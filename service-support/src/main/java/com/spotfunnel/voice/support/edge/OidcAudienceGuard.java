package com.spotfunnel.voice.support.edge;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * In prod, a service that verifies bearer tokens ({@code quarkus.oidc.auth-server-url} set) refuses to start unless
 * it requires an audience ({@code quarkus.oidc.token.audience}, never {@code any}): without one, a token any other
 * client of the realm obtained would be accepted.
 */
@ApplicationScoped
public class OidcAudienceGuard {

    void check(
            @Observes StartupEvent event,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> authServer,
            @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "true") boolean tenantEnabled,
            @ConfigProperty(name = "quarkus.oidc.token.audience") Optional<List<String>> audience) {
        if (LaunchMode.current() == LaunchMode.NORMAL && authServer.isPresent() && tenantEnabled) {
            problem(audience).ifPresent(message -> {
                throw new IllegalStateException(message);
            });
        }
    }

    /** Why this audience setting is unsafe, if it is. */
    static Optional<String> problem(Optional<List<String>> audience) {
        List<String> values = audience.orElse(List.of()).stream()
                .map(String::trim)
                .filter(v -> !v.isEmpty())
                .toList();
        if (values.isEmpty()) {
            return Optional.of("OIDC_TOKEN_AUDIENCE must name the audience of this API's access tokens");
        }
        if (values.stream().anyMatch("any"::equalsIgnoreCase)) {
            return Optional.of(
                    "OIDC_TOKEN_AUDIENCE=any would accept tokens minted for any client of the realm; name the"
                            + " API's audience (spotfunnel-api)");
        }
        return Optional.empty();
    }
}
