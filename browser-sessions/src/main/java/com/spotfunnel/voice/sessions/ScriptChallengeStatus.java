package com.spotfunnel.voice.sessions;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A script request (header {@code X-Requested-With: XMLHttpRequest} or {@code JavaScript}) whose browser session is
 * missing, revoked or expired cannot follow a redirect to the provider's login page; Quarkus OIDC answers it
 * with the non-standard status 499 ({@code authentication.java-script-auto-redirect=false}). This turns that
 * into 401 (still with {@code WWW-Authenticate: OIDC}), which the SPA handles by navigating to {@code /login}.
 */
@ApplicationScoped
public class ScriptChallengeStatus {

    /** Ahead of authentication (200), behind CORS (300). */
    private static final int PRIORITY = 250;

    private static final int QUARKUS_SCRIPT_CHALLENGE = 499;

    void register(@Observes Filters filters) {
        filters.register(
                context -> {
                    context.addHeadersEndHandler(ignored -> {
                        if (context.response().getStatusCode() == QUARKUS_SCRIPT_CHALLENGE) {
                            context.response().setStatusCode(401).setStatusMessage("Unauthorized");
                        }
                    });
                    context.next();
                },
                PRIORITY);
    }
}
