package com.spotfunnel.voice.pipeline.conversation;

import com.spotfunnel.voice.events.bridge.CallToken;
import com.spotfunnel.voice.events.bridge.GatewayMessage;
import com.spotfunnel.voice.pipeline.config.PipelineConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Decides whether a call socket's {@code CallStart} may begin a conversation: it must name exactly the call its
 * {@link CallToken} was minted for (tenant, caller, dialled number, sids), and its callId must not be live or
 * finished on this instance — a second start never touches an existing call's transcript, costs or analysis.
 * A finished callId is remembered while its token is valid and {@code pipeline.calls.remember-finished} longer.
 */
@ApplicationScoped
public class CallStartGuard {

    private static final Logger LOG = Logger.getLogger(CallStartGuard.class);

    private final CallTokens tokens;
    private final Duration rememberFinished;
    private final Map<String, Started> started = new ConcurrentHashMap<>();

    public CallStartGuard(CallTokens tokens, PipelineConfig config) {
        this.tokens = tokens;
        this.rememberFinished = config.calls().rememberFinished();
    }

    /** Null when the call may start (it is then live here), otherwise why not; a refusal is counted and logged. */
    public String refusal(GatewayMessage.CallStart start, String token, String pathCallId) {
        Instant now = Instant.now();
        CallToken.Verified verified = tokens.verify(token, now);
        String refusal = null;
        if (!verified.matches(start) || !start.callId().equals(pathCallId)) {
            refusal = "start_mismatch";
        } else {
            forgetOld(now);
            if (started.putIfAbsent(start.callId(), new Started(verified.expiresAt(), true)) != null) {
                refusal = "duplicate_call";
            }
        }
        if (refusal != null) {
            tokens.refused(refusal);
            LOG.warnf("Refused the start of call %s: %s", pathCallId, refusal);
        }
        return refusal;
    }

    /** Whether a conversation for this callId began here (it may have ended since). */
    public boolean began(String callId) {
        return started.containsKey(callId);
    }

    /** The call's socket closed: it is no longer live, and is remembered as finished. */
    public void ended(String callId) {
        started.computeIfPresent(callId, (id, call) -> new Started(call.tokenExpires(), false));
    }

    private void forgetOld(Instant now) {
        Instant horizon = now.minus(rememberFinished);
        for (Iterator<Started> calls = started.values().iterator(); calls.hasNext(); ) {
            Started call = calls.next();
            if (!call.live() && call.tokenExpires().isBefore(horizon)) {
                calls.remove();
            }
        }
    }

    private record Started(Instant tokenExpires, boolean live) {}
}
