package com.spotfunnel.voice.gateway.fallback;

import com.spotfunnel.voice.events.payload.CallTransferred;
import com.spotfunnel.voice.events.payload.FallbackPlayed;
import com.spotfunnel.voice.events.payload.Severity;
import com.spotfunnel.voice.events.payload.SystemError;
import com.spotfunnel.voice.gateway.events.CallEvents;
import com.spotfunnel.voice.gateway.events.CallTrack;
import com.spotfunnel.voice.gateway.ops.CallMdc;
import com.spotfunnel.voice.gateway.ops.GatewayMetrics;
import com.spotfunnel.voice.gateway.twilio.TwilioCallClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Carries out a fallback or a transfer on the live call through the Twilio REST API and records it as
 * events. A REST failure (after the client's retries) is logged CRITICAL and becomes a SystemError; the
 * returned Uni then yields false, never a failure, so the call record is always completed.
 */
@ApplicationScoped
public class CallControl implements LiveCallUpdates {

    private static final Logger LOG = Logger.getLogger(CallControl.class);

    private final TwilioCallClient twilio;
    private final CallEvents events;
    private final GatewayMetrics metrics;

    public CallControl(TwilioCallClient twilio, CallEvents events, GatewayMetrics metrics) {
        this.twilio = twilio;
        this.events = events;
        this.metrics = metrics;
    }

    /** @return true when Twilio took the new TwiML */
    public Uni<Boolean> playFallback(CallTrack track, FallbackPlan plan) {
        String kind = plan.kind().name().toLowerCase(java.util.Locale.ROOT);
        return update(track, plan.twiml(), "fallback").invoke(ok -> {
            if (ok) {
                events.publish(track, new FallbackPlayed(plan.kind(), plan.message(), plan.transferTo()));
                if (plan.transfers()) {
                    events.publish(track, new CallTransferred(plan.transferTo(), "fallback", "initiated"));
                }
            }
            metrics.fallback(kind, ok ? (plan.transfers() ? "transfer" : "hangup") : "twilio_failed");
        });
    }

    /** A transfer the caller asked for. */
    public Uni<Boolean> transfer(CallTrack track, String transferTo, String twiml) {
        return update(track, twiml, "transfer").invoke(ok -> {
            if (ok) {
                events.publish(track, new CallTransferred(transferTo, "caller_request", "initiated"));
            }
        });
    }

    private Uni<Boolean> update(CallTrack track, String twiml, String purpose) {
        return Uni.createFrom()
                .completionStage(() -> twilio.updateTwiml(track.callSid(), twiml))
                .replaceWith(true)
                .onFailure()
                .recoverWithItem(failure -> {
                    CallMdc.log(
                            track.callId(),
                            track.tenantId(),
                            () -> LOG.errorf(
                                    failure,
                                    "CRITICAL Twilio call update (%s) failed after retries for call %s: %s",
                                    purpose,
                                    track.callId(),
                                    failure.toString()));
                    events.publish(
                            track,
                            new SystemError(
                                    "twilio_update_failed",
                                    Severity.CRITICAL,
                                    "voice-gateway",
                                    "Twilio REST update for " + purpose + " failed: "
                                            + failure.getClass().getSimpleName(),
                                    null,
                                    Map.of("callSid", track.callSid(), "purpose", purpose)));
                    return false;
                });
    }
}
