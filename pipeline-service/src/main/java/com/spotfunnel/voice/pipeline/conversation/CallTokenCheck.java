package com.spotfunnel.voice.pipeline.conversation;

import com.spotfunnel.voice.events.bridge.CallToken;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Authenticates the gateway before a call's socket opens: the upgrade request to {@code /calls/{callId}} must carry
 * a valid, unexpired {@link CallToken} for that very callId, or it is answered 401 and no frame is ever read. A valid
 * one past this instance's live-conversation limit is answered 503 ({@link ConversationAdmission}).
 */
@ApplicationScoped
public class CallTokenCheck implements HttpUpgradeCheck {

    private static final Logger LOG = Logger.getLogger(CallTokenCheck.class);
    private static final String PATH = "/calls/";

    private final CallTokens tokens;
    private final ConversationAdmission admission;

    public CallTokenCheck(CallTokens tokens, ConversationAdmission admission) {
        this.tokens = tokens;
        this.admission = admission;
    }

    @Override
    public boolean appliesTo(String endpointId) {
        return CallSocket.class.getName().equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        String path = context.httpRequest().path();
        String callId =
                URLDecoder.decode(path.substring(path.lastIndexOf(PATH) + PATH.length()), StandardCharsets.UTF_8);
        CallToken.Verified verified = tokens.verify(context.httpRequest().getHeader(CallToken.HEADER), Instant.now());
        String refusal = !verified.isValid()
                ? verified.refusal()
                : verified.call().callId().equals(callId) ? null : "other_call";
        if (refusal == null) {
            // Admission after the token: an unauthenticated upgrade must never take one of the lines.
            return admission.admit(callId) ? CheckResult.permitUpgrade() : CheckResult.rejectUpgrade(503);
        }
        tokens.refused(refusal);
        LOG.warnf(
                "Refused a call socket for call %s from %s: %s token",
                callId, context.httpRequest().remoteAddress(), refusal);
        return CheckResult.rejectUpgrade(401);
    }
}
