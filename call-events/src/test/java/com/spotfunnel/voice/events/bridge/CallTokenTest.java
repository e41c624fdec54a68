package com.spotfunnel.voice.events.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CallTokenTest {

    private static final String SECRET = "a-test-secret-of-at-least-32-bytes-long";
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final GatewayMessage.CallStart CALL = new GatewayMessage.CallStart(
            "call-1", "tenant-b", "CA" + "1".repeat(32), "MZ" + "1".repeat(32), "+15550001111", "+15550002222");

    private final CallToken tokens = new CallToken(SECRET);

    @Test
    void aTokenNamesTheCallItWasMintedFor() {
        CallToken.Verified verified =
                tokens.verify(tokens.mint(CALL, NOW, Duration.ofSeconds(30)), NOW.plusSeconds(10));
        assertTrue(verified.isValid(), verified.refusal());
        assertEquals(CALL, verified.call());
        assertEquals(NOW.plusSeconds(30), verified.expiresAt());
        assertTrue(verified.matches(CALL));
        assertFalse(
                verified.matches(new GatewayMessage.CallStart(
                        "call-1",
                        "tenant-c",
                        CALL.callSid(),
                        CALL.streamSid(),
                        CALL.callerPhone(),
                        CALL.dialedNumber())),
                "another tenant");
        assertFalse(
                verified.matches(new GatewayMessage.CallStart(
                        "call-1", "tenant-b", CALL.callSid(), CALL.streamSid(), "+15559999999", CALL.dialedNumber())),
                "another caller");
    }

    @Test
    void aMissingForgedTamperedOrExpiredTokenIsRefused() {
        String token = tokens.mint(CALL, NOW, Duration.ofSeconds(30));
        assertEquals("missing", tokens.verify(null, NOW).refusal());
        assertEquals("invalid", tokens.verify("garbage", NOW).refusal());
        String forged = new CallToken("another-secret-of-at-least-32-bytes!!").mint(CALL, NOW, Duration.ofSeconds(30));
        assertEquals("invalid", tokens.verify(forged, NOW).refusal());
        String[] parts = token.split("\\.");
        String otherTenant = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("tenant-b", "tenant-c")
                        .getBytes(StandardCharsets.UTF_8));
        assertEquals(
                "invalid",
                tokens.verify(parts[0] + "." + otherTenant + "." + parts[2], NOW)
                        .refusal());
        String unsigned = Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
                + "." + parts[1] + ".";
        assertEquals("invalid", tokens.verify(unsigned, NOW).refusal());
        assertEquals(
                "expired",
                tokens.verify(
                                token,
                                NOW.plus(Duration.ofSeconds(30))
                                        .plus(CallToken.CLOCK_SKEW)
                                        .plusSeconds(1))
                        .refusal());
    }

    @Test
    void aShortSecretIsRefusedAtOnce() {
        assertThrows(IllegalArgumentException.class, () -> new CallToken("too-short"));
    }
}
