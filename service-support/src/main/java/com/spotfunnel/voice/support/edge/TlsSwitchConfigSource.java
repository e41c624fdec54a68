package com.spotfunnel.voice.support.edge;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Switches HTTPS on exactly when {@code TLS_CERT_FILE} and {@code TLS_KEY_FILE} are set (PEM files), through
 * Quarkus' TLS registry as its default configuration. In Kubernetes the ingress terminates TLS and neither is set.
 * With TLS on, {@code Strict-Transport-Security} is sent and {@code HTTPS_REDIRECT=true} turns plain HTTP into a
 * redirect to HTTPS (otherwise plain HTTP keeps answering, for probes on the pod IP).
 * <p>
 * A config source (made by its {@link Factory}, registered in {@code META-INF/services}) rather than
 * {@code ${TLS_CERT_FILE:}} expressions: an empty key-store entry is still an entry, which the TLS registry would
 * try to load. Ordinal 275: above application.properties, below the environment.
 */
public class TlsSwitchConfigSource extends MapBackedConfigSource {

    /** Creates the switch from the settings as the rest of the configuration resolves them (env, .env, tests). */
    public static class Factory implements ConfigSourceFactory {
        @Override
        public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
            return List.of(new TlsSwitchConfigSource(
                    value(context, "TLS_CERT_FILE"),
                    value(context, "TLS_KEY_FILE"),
                    value(context, "HTTPS_REDIRECT"),
                    value(context, "HSTS_MAX_AGE")));
        }

        private static String value(ConfigSourceContext context, String name) {
            ConfigValue value = context.getValue(name);
            return value == null ? null : value.getValue();
        }
    }

    static final String CERT = "quarkus.tls.key-store.pem.0.cert";
    static final String KEY = "quarkus.tls.key-store.pem.0.key";
    static final String INSECURE_REQUESTS = "quarkus.http.insecure-requests";
    static final String HSTS = "quarkus.http.header.\"Strict-Transport-Security\".value";

    TlsSwitchConfigSource(String certFile, String keyFile, String httpsRedirect, String hstsMaxAge) {
        super("tls-switch", properties(certFile, keyFile, httpsRedirect, hstsMaxAge), 275);
    }

    private static Map<String, String> properties(
            String certFile, String keyFile, String httpsRedirect, String hstsMaxAge) {
        Map<String, String> values = new HashMap<>();
        if (present(certFile) && present(keyFile)) {
            values.put(CERT, certFile);
            values.put(KEY, keyFile);
            values.put(INSECURE_REQUESTS, Boolean.parseBoolean(httpsRedirect) ? "redirect" : "enabled");
            values.put(HSTS, "max-age=" + (present(hstsMaxAge) ? hstsMaxAge : "31536000") + "; includeSubDomains");
        }
        return values;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
