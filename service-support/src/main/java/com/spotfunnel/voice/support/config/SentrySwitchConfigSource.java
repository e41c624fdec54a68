package com.spotfunnel.voice.support.config;

import io.smallrye.config.common.MapBackedConfigSource;
import java.util.Map;

/**
 * Switches Sentry on exactly when {@code SENTRY_DSN} is set. The extension refuses to start when enabled
 * without a DSN, and a second switch beside the DSN would be one more thing to forget. An explicit
 * {@code QUARKUS_LOG_SENTRY_ENABLED} (ordinal 300) still wins over this source.
 */
public class SentrySwitchConfigSource extends MapBackedConfigSource {

    static final String ENABLED = "quarkus.log.sentry.enabled";

    public SentrySwitchConfigSource() {
        this(System.getenv("SENTRY_DSN"));
    }

    SentrySwitchConfigSource(String dsn) {
        super("sentry-switch", Map.of(ENABLED, Boolean.toString(dsn != null && !dsn.isBlank())), 275);
    }
}
