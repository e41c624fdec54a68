package com.spotfunnel.voice.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spotfunnel.voice.events.tenant.TenantConfig;
import com.spotfunnel.voice.events.tenant.TenantConfigCodec;
import com.spotfunnel.voice.events.tenant.TenantRegistry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TenantRegistryTest {

    private final TenantRegistry registry = new TenantRegistry();

    @Test
    void aNumberResolvesToItsActiveTenantAndMovesWithANewerVersion() {
        registry.apply(tenant("acme", 1, true, "+18005550199"));
        assertEquals(
                "acme", registry.byPhoneNumber("+18005550199").orElseThrow().tenantId());

        registry.apply(tenant("acme", 2, true, "+18005550200"));

        assertTrue(registry.byPhoneNumber("+18005550199").isEmpty(), "the old number is released");
        assertEquals(2, registry.byPhoneNumber("+18005550200").orElseThrow().version());
    }

    @Test
    void aLateOlderVersionNeverReplacesTheNewerOne() {
        registry.apply(tenant("acme", 5, true, "+18005550199"));

        assertFalse(registry.apply(tenant("acme", 4, true, "+18005550111")));
        assertEquals(5, registry.byTenantId("acme").orElseThrow().version());
    }

    @Test
    void inactiveAndDeletedTenantsAnswerNoCall() {
        registry.apply(tenant("acme", 1, false, "+18005550199"));
        assertTrue(registry.byPhoneNumber("+18005550199").isEmpty());

        registry.apply(tenant("acme", 2, true, "+18005550199"));
        registry.remove("acme");
        assertTrue(registry.byPhoneNumber("+18005550199").isEmpty());
    }

    @Test
    void configSurvivesTheWireAndATombstoneDecodesToEmpty() {
        TenantConfig config = tenant("acme", 3, true, "+18005550199");

        assertEquals(
                config,
                TenantConfigCodec.decode(TenantConfigCodec.encode(config)).orElseThrow());
        assertTrue(TenantConfigCodec.decode(null).isEmpty());
    }

    private static TenantConfig tenant(String id, long version, boolean active, String number) {
        return new TenantConfig(
                id,
                version,
                "Acme Dental",
                "dental",
                active,
                List.of(number),
                null,
                Instant.parse("2026-11-24T09:00:00Z"));
    }
}
