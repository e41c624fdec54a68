package com.spotfunnel.voice.gateway.media;

import com.spotfunnel.voice.events.tenant.TenantRegistry;
import com.spotfunnel.voice.gateway.twilio.StreamToken;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides whether a Media Streams {@code start} may open a call: its parameters must be exactly those the webhook
 * signed for that CallSid and not expired ({@link StreamToken}), and its callId must not have started on this
 * instance before (a replayed start never becomes a second session of a call). Who the call is for and from is read
 * only from the signed parameters.
 */
@ApplicationScoped
public class StreamStartCheck {

    /** callIds started here, kept until their stream parameters expire (after that the signature check refuses). */
    private final Map<String, Instant> started = new ConcurrentHashMap<>();

    private final StreamToken tokens;
    private final TenantRegistry tenants;

    public StreamStartCheck(StreamToken tokens, TenantRegistry tenants) {
        this.tokens = tokens;
        this.tenants = tenants;
    }

    public Admission admit(TwilioFrame.Start start, Instant now) {
        Map<String, String> params = start.customParameters();
        StreamToken.Check check = tokens.verify(params, start.callSid(), now);
        if (check != StreamToken.Check.VALID) {
            return Admission.refused(check == StreamToken.Check.EXPIRED ? "expired_stream_token" : "bad_stream_token");
        }
        String callId = params.get("callId");
        forgetExpired(now);
        String resumeOutcome = params.get(StreamToken.RESUME);
        // A call starts once, and comes back to the agent once (a transfer is tried once): a replay is refused.
        String startKey = resumeOutcome == null ? callId : "resume:" + callId;
        if (callId == null
                || started.putIfAbsent(startKey, Instant.ofEpochSecond(Long.parseLong(params.get(StreamToken.EXPIRES))))
                        != null) {
            return Admission.refused("duplicate_call");
        }
        String tenantId = params.getOrDefault("tenantId", "unknown");
        return new Admission(
                new CallContext(
                        callId,
                        tenantId,
                        start.callSid(),
                        start.streamSid(),
                        params.get("from"),
                        params.get("to"),
                        params.getOrDefault("direction", "inbound"),
                        tenants.byTenantId(tenantId).orElse(null)),
                null,
                resumeOutcome);
    }

    private void forgetExpired(Instant now) {
        for (Iterator<Instant> expiries = started.values().iterator(); expiries.hasNext(); ) {
            if (expiries.next().isBefore(now)) {
                expiries.remove();
            }
        }
    }

    /**
     * The call a start opens, or why it opens none (the {@code gateway_media_rejected_total} reason).
     *
     * @param resumeOutcome on the new stream of a call returning to the agent after a transfer (signed by the
     *                      dial-result webhook) the Dial's outcome: the stream continues that call; else null
     */
    public record Admission(CallContext call, String refusal, String resumeOutcome) {

        static Admission refused(String reason) {
            return new Admission(null, reason, null);
        }

        public boolean resume() {
            return resumeOutcome != null;
        }
    }
}
