package com.spotfunnel.voice.gateway.fallback;

import com.spotfunnel.voice.events.payload.FailureKind;
import com.spotfunnel.voice.events.tenant.TenantConfig;

/** What a call does when the AI cannot go on, and where a transfer goes ({@link FallbackPlanner} in production). */
public interface FallbackPolicy {

    FallbackPlan plan(TenantConfig tenant, FailureKind kind, String callId);

    /**
     * A call answered already whose conversation pipeline-service refused (at its live-conversation limit): the
     * busy message, then hang up; ended as {@code capacity_refused}.
     */
    FallbackPlan busy(TenantConfig tenant);

    /** The TwiML of a transfer the caller asked for, or null when the tenant has no transfer number. */
    String transferTwiml(TenantConfig tenant, String callId);

    /** The tenant's transfer number, or null. */
    String transferNumber(TenantConfig tenant);

    /** How long a transfer to the tenant rings before it counts as not answered. */
    default int ringSeconds(TenantConfig tenant) {
        return 30;
    }

    /** Whether the person answering a transfer first hears a whisper of who is calling and why. */
    default boolean warmTransfer(TenantConfig tenant) {
        return tenant != null
                && tenant.agent() != null
                && tenant.agent().transfer() != null
                && tenant.agent().transfer().warm();
    }
}
