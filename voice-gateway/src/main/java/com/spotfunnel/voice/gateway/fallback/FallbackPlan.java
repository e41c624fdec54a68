package com.spotfunnel.voice.gateway.fallback;

import com.spotfunnel.voice.events.payload.FailureKind;

/**
 * What the caller hears when the AI cannot go on, and where the call goes next.
 *
 * @param transferTo the tenant's transfer number, or null to hang up after the message
 * @param twiml      the document the live call is updated with
 */
public record FallbackPlan(FailureKind kind, String message, String transferTo, String twiml) {

    public boolean transfers() {
        return transferTo != null;
    }
}
