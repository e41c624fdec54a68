package com.spotfunnel.voice.pipeline.fakes;

import com.spotfunnel.voice.events.tenant.AgentConfig;
import com.spotfunnel.voice.events.tenant.ProviderOrder;
import com.spotfunnel.voice.events.tenant.TenantConfig;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A tenant whose agent runs on the simulated providers: a whole call without any provider fake. */
public final class SimulatedTenant {

    private SimulatedTenant() {}

    public static TenantConfig config(String tenantId, String name, String phoneNumber) {
        List<String> simulated = List.of("simulated");
        return new TenantConfig(
                tenantId,
                1,
                name,
                "dental",
                true,
                List.of(phoneNumber),
                new AgentConfig(
                        "You are the receptionist.",
                        "Welcome.",
                        null,
                        new ProviderOrder(simulated, simulated, simulated),
                        null,
                        Map.of(),
                        null),
                Instant.now());
    }
}
