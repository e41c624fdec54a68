package com.spotfunnel.voice.admin.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The admin API's business settings ({@code admin.*}). */
@ConfigMapping(prefix = "admin")
public interface AdminConfig {

    /** The longest system prompt an operator may save. */
    int maxSystemPromptChars();

    /** The tenant-config outbox relay. */
    Outbox outbox();

    /** Operator analytics. */
    Analytics analytics();

    /** Knowledge bases. */
    Knowledge knowledge();

    /** Onboarding sessions. */
    Onboarding onboarding();

    /** User invitations. */
    Invitations invitations();

    /** The agent stress test, forwarded to pipeline-service. */
    StressTest stressTest();

    interface StressTest {
        /** The most conversations an operator may ask for in one run. */
        @WithDefault("100")
        int maxConversations();

        /** The most caller turns per conversation. */
        @WithDefault("20")
        int maxTurns();
    }

    interface Invitations {
        /** How long an invitation link works. */
        @WithDefault("72h")
        Duration ttl();

        /** The admin SPA page that accepts an invitation; the mail links to it with {@code ?token=…}. */
        String acceptUrl();
    }

    interface Onboarding {
        /** A session untouched this long expires. */
        @WithDefault("7d")
        Duration ttl();
    }

    interface Knowledge {
        /** The largest document an operator may upload, in characters. */
        @WithDefault("200000")
        int maxDocumentChars();

        /** The largest chunk a document is split into, in characters. */
        @WithDefault("800")
        int chunkChars();
    }

    interface Outbox {
        /** How often the relay looks for unpublished changes (each change also starts a drain at once). */
        @WithDefault("1s")
        Duration pollInterval();

        /** Records published per drain. */
        @WithDefault("100")
        int batchSize();

        /** How long published outbox rows are kept. */
        @WithDefault("7d")
        Duration retention();
    }

    interface Analytics {
        /** The longest date range an analytics query may cover, in days. */
        @WithDefault("366")
        int maxRangeDays();

        /** Backoff of the projection's retries while PostgreSQL is unavailable (it retries until it succeeds). */
        @WithDefault("200ms")
        Duration retryInitialBackoff();

        @WithDefault("10s")
        Duration retryMaxBackoff();
    }
}
