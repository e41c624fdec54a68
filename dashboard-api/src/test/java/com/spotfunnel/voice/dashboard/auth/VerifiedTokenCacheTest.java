package com.spotfunnel.voice.dashboard.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class VerifiedTokenCacheTest {

    private static final long NOW = 1_800_000_000L;

    private final MutableClock clock = new MutableClock();
    private final VerifiedTokenCache cache = new VerifiedTokenCache(3, Duration.ofMinutes(5), clock);

    @Test
    void aVerifiedTokenIsServedUntilItsOwnExpiryAndNeverAfter() {
        SecurityIdentity identity = identity("alice", NOW + 60);
        cache.put("token-a", identity);

        clock.seconds = NOW + 59;
        assertSame(identity, cache.get("token-a"));
        clock.seconds = NOW + 60;
        assertNull(cache.get("token-a"), "an expired token must be verified again (and refused) by OIDC");
    }

    @Test
    void aLongLivedTokenIsVerifiedAgainAfterMaxAge() {
        cache.put("token-a", identity("alice", NOW + 86_400));

        clock.seconds = NOW + 299;
        assertEquals("alice", cache.get("token-a").getPrincipal().getName());
        clock.seconds = NOW + 300;
        assertNull(cache.get("token-a"));
    }

    @Test
    void onlyTheExactTokenGetsTheIdentity() {
        cache.put("token-a", identity("alice", NOW + 60));

        assertNull(cache.get("token-b"));
        assertNull(cache.get("token-a "));
    }

    @Test
    void aTokenWithoutExpiryOrAlreadyExpiredIsNotKept() {
        cache.put("no-exp", identity("bob", 0));
        cache.put("expired", identity("carol", NOW - 1));

        assertNull(cache.get("no-exp"));
        assertNull(cache.get("expired"));
        assertEquals(0, cache.size());
    }

    @Test
    void theCacheStaysWithinItsSize() {
        cache.put("t1", identity("a", NOW + 10));
        cache.put("t2", identity("b", NOW + 100));
        cache.put("t3", identity("c", NOW + 100));
        clock.seconds = NOW + 20;

        cache.put("t4", identity("d", NOW + 100)); // t1 has expired: dropped to make room
        assertEquals(3, cache.size());
        assertEquals("b", cache.get("t2").getPrincipal().getName());

        cache.put("t5", identity("e", NOW + 100)); // nothing expired: the cache starts over
        assertEquals(1, cache.size());
        assertEquals("e", cache.get("t5").getPrincipal().getName());
    }

    @Test
    void sizeZeroKeepsNothing() {
        VerifiedTokenCache off = new VerifiedTokenCache(0, Duration.ofMinutes(5), clock);
        off.put("token-a", identity("alice", NOW + 60));
        assertNull(off.get("token-a"));
    }

    private static SecurityIdentity identity(String name, long exp) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new Jwt(name, exp))
                .build();
    }

    private record Jwt(String name, long exp) implements JsonWebToken {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public Set<String> getClaimNames() {
            return Set.of(Claims.exp.name());
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return Claims.exp.name().equals(claimName) && exp > 0 ? (T) Long.valueOf(exp) : null;
        }
    }

    private static final class MutableClock extends Clock {
        long seconds = NOW;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochSecond(seconds);
        }
    }
}
