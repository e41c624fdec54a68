package com.spotfunnel.voice.events.tenant;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The newest configuration of every tenant, as read from the compacted {@code tenant-config} topic, kept in
 * memory so a call never waits on admin-api. Records may be replayed or arrive late: an older version never
 * replaces a newer one. Thread-safe; lookups never block.
 */
public final class TenantRegistry {

    private final Map<String, TenantConfig> byTenant = new ConcurrentHashMap<>();
    private volatile Map<String, TenantConfig> byPhoneNumber = Map.of();

    /** @return true when this config is now the tenant's current one */
    public synchronized boolean apply(TenantConfig config) {
        TenantConfig current = byTenant.get(config.tenantId());
        if (current != null && current.version() > config.version()) {
            return false;
        }
        byTenant.put(config.tenantId(), config);
        reindex();
        return true;
    }

    /** A tombstone: the tenant was deleted. */
    public synchronized void remove(String tenantId) {
        if (byTenant.remove(tenantId) != null) {
            reindex();
        }
    }

    public Optional<TenantConfig> byTenantId(String tenantId) {
        return Optional.ofNullable(byTenant.get(tenantId));
    }

    /** The active tenant that owns this E.164 number, if any. */
    public Optional<TenantConfig> byPhoneNumber(String e164) {
        return Optional.ofNullable(byPhoneNumber.get(e164)).filter(TenantConfig::active);
    }

    /** Every tenant's current config (a snapshot). */
    public List<TenantConfig> all() {
        return List.copyOf(byTenant.values());
    }

    public int size() {
        return byTenant.size();
    }

    private void reindex() {
        Map<String, TenantConfig> index = new ConcurrentHashMap<>();
        byTenant.values().forEach(tenant -> tenant.phoneNumbers().forEach(number -> index.put(number, tenant)));
        byPhoneNumber = Map.copyOf(index);
    }
}
