package com.spotfunnel.voice.dashboard.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The dashboard API's business settings ({@code dashboard.*}). */
@ConfigMapping(prefix = "dashboard")
public interface DashboardConfig {

    /** The largest page a list request may ask for; larger limits are capped to it. */
    int maxPageSize();

    /** The page size when a request names none. */
    @WithDefault("50")
    int defaultPageSize();

    /** The longest search string accepted ({@code q}). */
    @WithDefault("200")
    int maxSearchLength();

    /** The longest date range analytics accepts, in days. */
    @WithDefault("366")
    int maxAnalyticsDays();

    Auth auth();

    Projection projection();

    /** Where the caller's tenant comes from. */
    interface Auth {
        /** The token claim that names a customer's tenant. */
        @WithDefault("tenant_id")
        String tenantClaim();

        /** Verified bearer tokens kept so a token is verified once, not on every request. */
        TokenCache tokenCache();
    }

    interface TokenCache {
        /** How many verified tokens are kept; 0 verifies every request. */
        @WithDefault("10000")
        int maxSize();

        /**
         * Longest a verified token is trusted without verifying it again (never past its own expiry): how long a
         * token signed with a key the issuer has withdrawn may still be accepted.
         */
        @WithDefault("5m")
        Duration maxAge();
    }

    interface Projection {
        /** First wait before retrying a failed database write of the projection. */
        @WithDefault("200ms")
        Duration retryInitialBackoff();

        /** Longest wait between retries while PostgreSQL is unavailable. */
        @WithDefault("10s")
        Duration retryMaxBackoff();
    }
}
