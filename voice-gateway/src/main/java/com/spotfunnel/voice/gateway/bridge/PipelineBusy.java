package com.spotfunnel.voice.gateway.bridge;

import com.spotfunnel.voice.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The gateway's cached view of pipeline-service's capacity: a conversation socket refused with 503 (the pipeline is
 * at its live-conversation limit) marks the pipeline busy for {@code gateway.admission.pipeline-busy-hold}, and
 * admission refuses new calls at the webhook meanwhile — the way Twilio expects (busy message or the number's
 * fallback URL) instead of answering a stream that could only end in the busy message. Learnt from the refusals
 * themselves: the gateway reaches the pipeline through one Service address and cannot ask a particular pod.
 */
@ApplicationScoped
public class PipelineBusy {

    private final long holdNanos;
    /** When the last refusal came; at start, one hold ago (nothing refused yet, so not busy). */
    private volatile long refusedAt;

    public PipelineBusy(GatewayConfig config) {
        this.holdNanos = config.admission().pipelineBusyHold().toNanos();
        this.refusedAt = System.nanoTime() - holdNanos;
    }

    /** The pipeline refused a conversation: it is at its limit. */
    public void refused() {
        refusedAt = System.nanoTime();
    }

    /** Whether a refusal came within the hold. */
    public boolean busy() {
        return holdNanos > 0 && System.nanoTime() - refusedAt < holdNanos;
    }
}
