package com.spotfunnel.voice.sessions;

import io.quarkus.oidc.AuthorizationCodeTokens;
import java.time.Instant;
import java.util.UUID;

/** A session row as the token-state manager reads it: whose it is, since when, and the tokens it keeps. */
record StoredSession(UUID id, String subject, Instant createdAt, AuthorizationCodeTokens tokens) {}
