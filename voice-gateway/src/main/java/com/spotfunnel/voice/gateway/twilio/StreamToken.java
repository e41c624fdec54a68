package com.spotfunnel.voice.gateway.twilio;

import com.spotfunnel.voice.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs the stream's {@code <Parameter>}s the webhook writes, and checks them when Twilio echoes them in the Media
 * Streams {@code start} frame: every value the gateway relies on (call, tenant, caller, dialled number, direction,
 * Twilio's CallSid, an expiry) is under one HMAC keyed by the Twilio auth token, so only whoever received our answer
 * to a signed webhook (Twilio) can open a call's stream, and nobody can change who the call is for or from.
 */
@ApplicationScoped
public class StreamToken {

    public static final String TOKEN = "token";
    public static final String EXPIRES = "expires";
    /** Present (the Dial's outcome) on the stream of a caller returning to the agent after a transfer. */
    public static final String RESUME = "resume";
    /** The parameters under the signature, in signing order; the start frame's CallSid is signed beside them. */
    static final List<String> SIGNED = List.of("callId", "tenantId", "from", "to", "direction", RESUME, EXPIRES);

    private final byte[] key;
    private final Duration ttl;

    public StreamToken(GatewayConfig config) {
        this.key = ("stream-token:" + config.twilio().authToken()).getBytes(StandardCharsets.UTF_8);
        this.ttl = config.media().streamTokenTtl();
    }

    /** The parameters to write into {@code <Stream>}: the given ones, their expiry and the token over all of them. */
    public Map<String, String> sign(Map<String, String> parameters, String callSid, Instant now) {
        Map<String, String> signed = new LinkedHashMap<>(parameters);
        signed.keySet().retainAll(SIGNED);
        signed.put(EXPIRES, Long.toString(now.plus(ttl).getEpochSecond()));
        signed.put(TOKEN, mac(signed, callSid));
        return signed;
    }

    /** Whether the start frame's parameters are exactly those we signed for this CallSid, and still fresh. */
    public Check verify(Map<String, String> parameters, String callSid, Instant now) {
        String token = parameters.get(TOKEN);
        if (token == null
                || callSid == null
                || !MessageDigest.isEqual(
                        mac(parameters, callSid).getBytes(StandardCharsets.UTF_8),
                        token.getBytes(StandardCharsets.UTF_8))) {
            return Check.FORGED;
        }
        try {
            return now.getEpochSecond() > Long.parseLong(parameters.get(EXPIRES)) ? Check.EXPIRED : Check.VALID;
        } catch (NumberFormatException e) {
            return Check.FORGED;
        }
    }

    /** HMAC-SHA256 over each signed name with its length-prefixed value, so no two sets of values sign alike. */
    private String mac(Map<String, String> parameters, String callSid) {
        StringBuilder canonical = new StringBuilder("stream-parameters:v2");
        for (String name : SIGNED) {
            append(canonical, name, parameters.get(name));
        }
        append(canonical, "callSid", callSid);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void append(StringBuilder canonical, String name, String value) {
        String v = value == null ? "" : value;
        canonical
                .append('\n')
                .append(name)
                .append(':')
                .append(v.length())
                .append(':')
                .append(v);
    }

    /** The outcome of checking a start frame's parameters. */
    public enum Check {
        VALID,
        FORGED,
        EXPIRED
    }
}
