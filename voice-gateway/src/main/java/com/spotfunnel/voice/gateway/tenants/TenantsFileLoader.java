package com.spotfunnel.voice.gateway.tenants;

import com.fasterxml.jackson.core.type.TypeReference;
import com.spotfunnel.voice.events.serde.ContractJson;
import com.spotfunnel.voice.events.tenant.TenantConfig;
import com.spotfunnel.voice.events.tenant.TenantRegistry;
import com.spotfunnel.voice.gateway.config.GatewayConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Seeds the tenant registry from {@code gateway.tenants-file} (a JSON array of {@link TenantConfig}) at boot,
 * for the local stack and until admin-api publishes {@code tenant-config}. Configs from the topic with a
 * higher version replace these.
 */
@ApplicationScoped
public class TenantsFileLoader {

    private static final Logger LOG = Logger.getLogger(TenantsFileLoader.class);

    private final TenantRegistry registry;
    private final GatewayConfig config;

    public TenantsFileLoader(TenantRegistry registry, GatewayConfig config) {
        this.registry = registry;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        config.tenantsFile().filter(path -> !path.isBlank()).ifPresent(path -> load(Path.of(path)));
    }

    /** @return how many tenants were applied */
    public int load(Path file) {
        try {
            List<TenantConfig> tenants = ContractJson.mapper()
                    .readValue(Files.readAllBytes(file), new TypeReference<List<TenantConfig>>() {});
            int applied = 0;
            for (TenantConfig tenant : tenants) {
                if (tenant.tenantId() != null && registry.apply(tenant)) {
                    applied++;
                }
            }
            LOG.infof("Loaded %d tenants from %s", applied, file);
            return applied;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read tenants file " + file, e);
        }
    }
}
