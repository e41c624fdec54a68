package com.spotfunnel.voice.events.tenant;

import com.spotfunnel.voice.events.payload.FailureKind;
import java.util.Map;

/**
 * How the tenant's agent behaves on a call.
 *
 * @param voice            the TTS voice id (provider-specific; null = the provider's default)
 * @param providers        provider order per stage; null = the platform default order
 * @param transferNumber   where a caller is transferred (E.164), or null to hang up after the fallback message
 * @param fallbackMessages overrides of the default fallback messages, by failure kind
 * @param businessHours    null = always open
 * @param callerHistory    null = the platform's defaults (remembered callers, default retention)
 */
public record AgentConfig(
        String systemPrompt,
        String greeting,
        String voice,
        ProviderOrder providers,
        String transferNumber,
        Map<FailureKind, String> fallbackMessages,
        BusinessHours businessHours,
        CallerHistory callerHistory) {

    public AgentConfig {
        fallbackMessages = fallbackMessages == null ? Map.of() : Map.copyOf(fallbackMessages);
    }

    /** Without caller-history settings (the platform's defaults). */
    public AgentConfig(
            String systemPrompt,
            String greeting,
            String voice,
            ProviderOrder providers,
            String transferNumber,
            Map<FailureKind, String> fallbackMessages,
            BusinessHours businessHours) {
        this(systemPrompt, greeting, voice, providers, transferNumber, fallbackMessages, businessHours, null);
    }
}
