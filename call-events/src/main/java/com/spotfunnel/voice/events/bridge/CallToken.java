package com.spotfunnel.voice.events.bridge;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * The credential of one call's socket from voice-gateway to pipeline-service: a JWT (HS256 with a secret only the
 * two share, {@code CALL_TOKEN_SECRET}) that the gateway mints for each call and sends in the upgrade request's
 * {@value #HEADER} header. It names the whole {@link GatewayMessage.CallStart} (call, tenant, Twilio sids, caller,
 * dialled number) so the pipeline can hold the start frame to it, and it expires shortly after it is minted.
 */
public final class CallToken {

    /** The upgrade request's header that carries the token (not {@code Authorization}: that one is OIDC's). */
    public static final String HEADER = "Call-Token";
    /** HS256 wants a key of at least 256 bits. */
    public static final int MIN_SECRET_BYTES = 32;
    /** How far the gateway's and the pipeline's clocks may disagree. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

    private static final String ISSUER = "voice-gateway";
    private static final String AUDIENCE = "pipeline-service";

    private final HmacKey key;

    public CallToken(String secret) {
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("CALL_TOKEN_SECRET must be at least " + MIN_SECRET_BYTES
                    + " bytes (HS256); generate one with: openssl rand -base64 48");
        }
        this.key = new HmacKey(secret.getBytes(StandardCharsets.UTF_8));
    }

    /** A token for this call, valid from {@code now} for {@code ttl}. */
    public String mint(GatewayMessage.CallStart call, Instant now, Duration ttl) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setSubject(call.callId());
        claims.setIssuedAt(NumericDate.fromMilliseconds(now.toEpochMilli()));
        claims.setExpirationTime(NumericDate.fromMilliseconds(now.plus(ttl).toEpochMilli()));
        putIfPresent(claims, "tenantId", call.tenantId());
        putIfPresent(claims, "callSid", call.callSid());
        putIfPresent(claims, "streamSid", call.streamSid());
        putIfPresent(claims, "from", call.callerPhone());
        putIfPresent(claims, "to", call.dialedNumber());
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setKey(key);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a call token", e);
        }
    }

    /** The call a token names, if it is ours (signature, issuer, audience) and has not expired at {@code now}. */
    public Verified verify(String token, Instant now) {
        if (token == null || token.isBlank()) {
            return new Verified(null, null, "missing");
        }
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(
                        AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.HMAC_SHA256)
                .setVerificationKey(key)
                .setExpectedIssuer(ISSUER)
                .setExpectedAudience(AUDIENCE)
                .setRequireSubject()
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds((int) CLOCK_SKEW.toSeconds())
                .setEvaluationTime(NumericDate.fromMilliseconds(now.toEpochMilli()))
                .build();
        try {
            JwtClaims claims = consumer.processToClaims(token);
            GatewayMessage.CallStart call = new GatewayMessage.CallStart(
                    claims.getSubject(),
                    claims.getClaimValueAsString("tenantId"),
                    claims.getClaimValueAsString("callSid"),
                    claims.getClaimValueAsString("streamSid"),
                    claims.getClaimValueAsString("from"),
                    claims.getClaimValueAsString("to"));
            return new Verified(
                    call, Instant.ofEpochMilli(claims.getExpirationTime().getValueInMillis()), null);
        } catch (InvalidJwtException e) {
            return new Verified(null, null, e.hasExpired() ? "expired" : "invalid");
        } catch (MalformedClaimException e) {
            return new Verified(null, null, "invalid");
        }
    }

    private static void putIfPresent(JwtClaims claims, String name, String value) {
        if (value != null) {
            claims.setStringClaim(name, value);
        }
    }

    /**
     * What a token said: the call it names and when it expires, or why it was refused ({@code missing},
     * {@code invalid}, {@code expired}).
     */
    public record Verified(GatewayMessage.CallStart call, Instant expiresAt, String refusal) {

        public boolean isValid() {
            return refusal == null;
        }

        /** Whether the start frame names exactly the call the token was minted for. */
        public boolean matches(GatewayMessage.CallStart start) {
            return isValid() && call.equals(start);
        }
    }
}
