package com.spotfunnel.voice.dashboard.auth;

import io.quarkus.security.identity.SecurityIdentity;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Identities of bearer tokens whose signature and claims were verified, keyed by the exact token text, so a client
 * that sends the same token on every keystroke pays for one verification, not one per request. An entry is
 * served until the token's own {@code exp} or {@code maxAge} after it was verified, whichever comes first (so a key
 * withdrawn from the issuer stops being trusted within {@code maxAge}); a token without {@code exp} is never kept.
 * Bounded: at {@code maxSize} entries the expired ones are dropped, and if that frees nothing the whole cache is.
 */
public final class VerifiedTokenCache {

    private record Entry(SecurityIdentity identity, long expiresAtMillis) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final int maxSize;
    private final long maxAgeMillis;
    private final Clock clock;

    public VerifiedTokenCache(int maxSize, Duration maxAge, Clock clock) {
        this.maxSize = maxSize;
        this.maxAgeMillis = maxAge.toMillis();
        this.clock = clock;
    }

    /** The identity verified for exactly this token, or null when there is none still valid. */
    public SecurityIdentity get(String token) {
        Entry entry = entries.get(token);
        if (entry == null) {
            return null;
        }
        if (clock.millis() >= entry.expiresAtMillis()) {
            entries.remove(token, entry);
            return null;
        }
        return entry.identity();
    }

    /** Keeps an identity the OIDC provider has just verified for this token. */
    public void put(String token, SecurityIdentity identity) {
        if (maxSize <= 0
                || !(identity.getPrincipal() instanceof JsonWebToken jwt)
                || !(jwt.getClaim(Claims.exp.name()) instanceof Number exp)
                || exp.longValue() <= 0) {
            return;
        }
        long now = clock.millis();
        long expiresAt = Math.min(exp.longValue() * 1000, now + maxAgeMillis);
        if (expiresAt <= now) {
            return;
        }
        if (entries.size() >= maxSize) {
            entries.values().removeIf(e -> now >= e.expiresAtMillis());
            if (entries.size() >= maxSize) {
                entries.clear();
            }
        }
        entries.put(token, new Entry(identity, expiresAt));
    }

    int size() {
        return entries.size();
    }
}
