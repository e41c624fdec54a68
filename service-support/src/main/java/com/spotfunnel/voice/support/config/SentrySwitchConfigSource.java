package com.spotfunnel.voice.support.config;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Switches Sentry on exactly when {@code SENTRY_DSN} is set. The extension refuses to start when enabled
 * without a DSN, and a second switch beside the DSN would be one more thing to forget. An explicit
 * {@code QUARKUS_LOG_SENTRY_ENABLED} (ordinal 300) still wins over this source.
 */
public class SentrySwitchConfigSource implements ConfigSource {

    static final String ENABLED = "quarkus.log.sentry.enabled";

    private final Map<String, String> properties;

    public SentrySwitchConfigSource() {
        this(System.getenv("SENTRY_DSN"));
    }

    SentrySwitchConfigSource(String dsn) {
        properties = Map.of(ENABLED, Boolean.toString(dsn != null && !dsn.isBlank()));
    }

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String name) {
        return properties.get(name);
    }

    @Override
    public String getName() {
        return "sentry-switch";
    }

    @Override
    public int getOrdinal() {
        return 275;
    }
}
