package com.spotfunnel.voice.sessions;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/** Claims read from tokens Quarkus OIDC has already verified (so no signature check here). */
final class JwtClaims {

    private JwtClaims() {}

    /** The payload of a JWT, or empty when the token is not one (an opaque refresh token, say). */
    static Optional<JsonObject> claims(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The token's {@code exp}, when it is a JWT that has one. */
    static Optional<Instant> expiry(String token) {
        return claims(token).map(json -> json.getLong("exp")).map(Instant::ofEpochSecond);
    }
}
