package com.spotfunnel.voice.events.tenant;

import java.time.Instant;
import java.util.List;

/**
 * A tenant's whole current configuration, as admin-api publishes it on the compacted {@code tenant-config}
 * topic (key = tenantId; a null value deletes the tenant). The gateway and the pipeline keep the newest
 * version of each tenant in memory, so a call never waits on admin-api.
 *
 * @param version      increases with every change; a consumer ignores a version older than the one it has
 * @param phoneNumbers the tenant's numbers, E.164; the gateway resolves an incoming call's {@code To} here
 */
public record TenantConfig(
        String tenantId,
        long version,
        String name,
        String industry,
        boolean active,
        List<String> phoneNumbers,
        AgentConfig agent,
        Instant updatedAt) {

    public TenantConfig {
        phoneNumbers = phoneNumbers == null ? List.of() : List.copyOf(phoneNumbers);
    }
}
