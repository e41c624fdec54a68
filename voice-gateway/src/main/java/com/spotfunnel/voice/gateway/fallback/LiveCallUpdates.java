package com.spotfunnel.voice.gateway.fallback;

import com.spotfunnel.voice.gateway.events.CallTrack;
import io.smallrye.mutiny.Uni;

/**
 * Replaces a live call's TwiML through Twilio ({@link CallControl} in production). Each Uni yields true when Twilio
 * took the new TwiML and false when it did not; it never fails.
 */
public interface LiveCallUpdates {

    Uni<Boolean> playFallback(CallTrack track, FallbackPlan plan);

    /** A transfer the caller asked for. */
    Uni<Boolean> transfer(CallTrack track, String transferTo, String twiml);
}
