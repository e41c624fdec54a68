package com.spotfunnel.voice.sessions;

import java.time.Instant;
import java.util.UUID;

/**
 * A signed-in browser as the sessions API shows it to its owner.
 *
 * @param current whether this is the session the request itself came with
 */
public record BrowserSession(
        UUID id,
        Instant createdAt,
        Instant lastUsedAt,
        Instant expiresAt,
        String userAgent,
        String ip,
        boolean current) {}
