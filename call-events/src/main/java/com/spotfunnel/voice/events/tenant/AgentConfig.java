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
 * @param transfer         how transfers ring and whether they are warm; null = the platform defaults (added by issue
 *                         14: older tenant-config records lack it)
 */
public record AgentConfig(
        String systemPrompt,
        String greeting,
        String voice,
        ProviderOrder providers,
        String transferNumber,
        Map<FailureKind, String> fallbackMessages,
        BusinessHours businessHours,
        CallerHistory callerHistory,
        TransferSettings transfer) {

    public AgentConfig {
        fallbackMessages = fallbackMessages == null ? Map.of() : Map.copyOf(fallbackMessages);
    }

    /** A config without caller-history or transfer settings (the platform defaults). */
    public AgentConfig(
            String systemPrompt,
            String greeting,
            String voice,
            ProviderOrder providers,
            String transferNumber,
            Map<FailureKind, String> fallbackMessages,
            BusinessHours businessHours) {
        this(systemPrompt, greeting, voice, providers, transferNumber, fallbackMessages, businessHours, null, null);
    }

    /**
     * How a transfer to {@code transferNumber} goes.
     *
     * @param ringSeconds how long the transfer rings before the caller comes back to the agent; null = the platform
     *                    default
     * @param warm        the person answering first hears who is calling and why (a whisper), then the caller
     */
    public record TransferSettings(Integer ringSeconds, boolean warm) {

        /** The ring times an operator may set: long enough to pick up, short enough that a caller still waits. */
        public static final int MIN_RING_SECONDS = 5;

        public static final int MAX_RING_SECONDS = 120;
    }
}
