package com.spotfunnel.voice.admin.tenants;

import java.util.List;
import java.util.Map;

/**
 * A tenant as the operator writes it (POST, PUT) and reads it back (inside {@link TenantView}). Everything is
 * a plain string here so that {@link TenantValidator} can name each wrong field.
 *
 * @param tenantId     lower-case letters, digits and dashes; only read on create
 * @param active       null = true
 * @param phoneNumbers E.164; on PUT, null keeps the tenant's numbers and a list replaces them
 */
public record TenantSpec(
        String tenantId, String name, String industry, Boolean active, AgentSpec agent, List<String> phoneNumbers) {

    /**
     * @param providers        null = the platform's default order for every stage
     * @param fallbackMessages keyed by failure kind: {@code llm}, {@code tts}, {@code stt}, {@code other}
     * @param businessHours    null = always open
     * @param callerHistory    null = the platform's defaults (returning callers remembered, default retention)
     * @param transfer         null = the platform's ring time, cold transfer
     */
    public record AgentSpec(
            String systemPrompt,
            String greeting,
            String voice,
            ProvidersSpec providers,
            String transferNumber,
            Map<String, String> fallbackMessages,
            BusinessHoursSpec businessHours,
            CallerHistorySpec callerHistory,
            TransferSpec transfer) {

        /** Without caller-history or transfer settings. */
        public AgentSpec(
                String systemPrompt,
                String greeting,
                String voice,
                ProvidersSpec providers,
                String transferNumber,
                Map<String, String> fallbackMessages,
                BusinessHoursSpec businessHours) {
            this(systemPrompt, greeting, voice, providers, transferNumber, fallbackMessages, businessHours, null, null);
        }
    }

    /**
     * How a transfer to the agent's transfer number goes.
     *
     * @param ringSeconds how long it rings before the caller comes back to the agent, 5 to 120; null = the platform's
     * @param warm        null = false; true = the person answering first hears who is calling and why
     */
    public record TransferSpec(Integer ringSeconds, Boolean warm) {}

    /**
     * Whether the agent remembers returning callers, and for how many days.
     *
     * @param enabled       null = true
     * @param retentionDays 1 to 3650; required
     */
    public record CallerHistorySpec(Boolean enabled, Integer retentionDays) {}

    /** Provider names per stage, first tried first; an empty or missing list = the platform default. */
    public record ProvidersSpec(List<String> stt, List<String> llm, List<String> tts) {}

    /** @param timeZone an IANA zone id such as {@code America/New_York} */
    public record BusinessHoursSpec(String timeZone, List<OpeningHoursSpec> weekly) {}

    /** @param day {@code monday} … {@code sunday}; opens and closes as {@code HH:mm} */
    public record OpeningHoursSpec(String day, String opens, String closes) {}
}
