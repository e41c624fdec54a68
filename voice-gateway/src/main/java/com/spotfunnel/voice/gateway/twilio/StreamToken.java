package com.spotfunnel.voice.gateway.twilio;

import com.spotfunnel.voice.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A token the webhook puts in the stream's {@code <Parameter>}s and the Media Streams endpoint checks on
 * {@code start}: only whoever received our signed-webhook answer (Twilio) can open a call's stream.
 */
@ApplicationScoped
public class StreamToken {

    private final byte[] key;

    public StreamToken(GatewayConfig config) {
        this.key = ("stream-token:" + config.twilio().authToken()).getBytes(StandardCharsets.UTF_8);
    }

    public String issue(String callId, String callSid) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((callId + "|" + callSid).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean isValid(String callId, String callSid, String token) {
        if (callId == null || callSid == null || token == null) {
            return false;
        }
        return MessageDigest.isEqual(issue(callId, callSid).getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }
}
