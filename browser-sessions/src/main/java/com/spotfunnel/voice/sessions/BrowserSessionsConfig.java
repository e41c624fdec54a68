package com.spotfunnel.voice.sessions;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Browser sessions of a service's web app (OIDC code flow on tenant {@value BrowserSessionTenantResolver#WEB},
 * tokens kept in the service's own PostgreSQL table, created by its own Flyway migration).
 */
@ConfigMapping(prefix = "spotfunnel.browser-sessions")
public interface BrowserSessionsConfig {

    /** The service's session table, schema-qualified (e.g. {@code admin.browser_sessions}); see V9 of admin-api. */
    String table();

    /** The longest a browser session lives after sign-in, however active (also bounded by the refresh token). */
    @WithDefault("12h")
    Duration maxAge();

    /** A session unused this long ends. */
    @WithDefault("1h")
    Duration idleTimeout();

    /** How often ended sessions are deleted. */
    @WithDefault("5m")
    Duration cleanupInterval();

    /** Where {@code GET /login} sends the browser once signed in (the web app). */
    String afterLoginUrl();

    /** Where the browser lands after {@code GET /logout} (the IdP returns it to {@code /signed-out}, which redirects here). */
    String afterLogoutUrl();
}
