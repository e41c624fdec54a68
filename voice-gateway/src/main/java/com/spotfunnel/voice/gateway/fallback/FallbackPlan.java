package com.spotfunnel.voice.gateway.fallback;

import com.spotfunnel.voice.events.payload.FailureKind;

/**
 * What the caller hears when the AI cannot go on, and where the call goes next.
 *
 * @param transferTo the tenant's transfer number, or null to hang up after the message
 * @param twiml      the document the live call is updated with
 * @param endedReason the call's {@code CallEnded.endedReason}: {@code ai_failure}, or {@code capacity_refused} when
 *                    pipeline-service refused the conversation and the caller heard the busy message
 */
public record FallbackPlan(FailureKind kind, String message, String transferTo, String twiml, String endedReason) {

    public static final String AI_FAILURE = "ai_failure";
    public static final String CAPACITY_REFUSED = "capacity_refused";

    /** The plan of an AI failure. */
    public FallbackPlan(FailureKind kind, String message, String transferTo, String twiml) {
        this(kind, message, transferTo, twiml, AI_FAILURE);
    }

    public boolean transfers() {
        return transferTo != null;
    }
}
