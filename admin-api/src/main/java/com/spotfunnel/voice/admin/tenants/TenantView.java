package com.spotfunnel.voice.admin.tenants;

import com.spotfunnel.voice.events.tenant.AgentConfig;
import com.spotfunnel.voice.events.tenant.BusinessHours;
import com.spotfunnel.voice.events.tenant.TenantConfig;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A tenant as the API answers it: the same shape an operator sends, plus version and timestamps. */
public record TenantView(
        String tenantId,
        long version,
        String name,
        String industry,
        boolean active,
        List<String> phoneNumbers,
        TenantSpec.AgentSpec agent,
        Instant createdAt,
        Instant updatedAt) {

    public static TenantView of(StoredTenant tenant) {
        TenantConfig config = tenant.config();
        return new TenantView(
                config.tenantId(),
                config.version(),
                config.name(),
                config.industry(),
                config.active(),
                config.phoneNumbers(),
                agent(config.agent()),
                tenant.createdAt(),
                config.updatedAt());
    }

    static TenantSpec.AgentSpec agent(AgentConfig agent) {
        TenantSpec.ProvidersSpec providers = agent.providers() == null
                ? null
                : new TenantSpec.ProvidersSpec(
                        agent.providers().stt(),
                        agent.providers().llm(),
                        agent.providers().tts());
        Map<String, String> fallback = new LinkedHashMap<>();
        agent.fallbackMessages()
                .forEach((kind, message) -> fallback.put(kind.name().toLowerCase(Locale.ROOT), message));
        return new TenantSpec.AgentSpec(
                agent.systemPrompt(),
                agent.greeting(),
                agent.voice(),
                providers,
                agent.transferNumber(),
                fallback,
                hours(agent.businessHours()),
                agent.callerHistory() == null
                        ? null
                        : new TenantSpec.CallerHistorySpec(
                                agent.callerHistory().enabled(),
                                agent.callerHistory().retentionDays()),
                agent.transfer() == null
                        ? null
                        : new TenantSpec.TransferSpec(
                                agent.transfer().ringSeconds(), agent.transfer().warm()));
    }

    private static TenantSpec.BusinessHoursSpec hours(BusinessHours hours) {
        if (hours == null) {
            return null;
        }
        return new TenantSpec.BusinessHoursSpec(
                hours.timeZone(),
                hours.weekly().stream()
                        .map(h -> new TenantSpec.OpeningHoursSpec(
                                h.day().name().toLowerCase(Locale.ROOT),
                                h.opens().toString(),
                                h.closes().toString()))
                        .toList());
    }
}
