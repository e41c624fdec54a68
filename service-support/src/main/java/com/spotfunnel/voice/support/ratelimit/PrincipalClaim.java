package com.spotfunnel.voice.support.ratelimit;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The value of one claim of a verified bearer token, or null (anonymous, no token, no such claim). */
final class PrincipalClaim {

    private PrincipalClaim() {}

    static String of(SecurityIdentity identity, String claim) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return null;
        }
        Object value = jwt.getClaim(claim);
        if (value instanceof JsonString text) {
            return text.getString();
        }
        return value == null ? null : value.toString();
    }
}
