package com.spotfunnel.voice.admin.common;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is making a change, as written in the audit log: the token's user name (or subject). */
public final class Actor {

    private Actor() {}

    public static String of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || identity.getPrincipal() == null) {
            return "anonymous";
        }
        return identity.getPrincipal().getName();
    }

    /** The identity's OIDC subject ({@code sub}), the same whether it came as a bearer token or a browser session. */
    public static String subject(SecurityIdentity identity) {
        return identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null
                ? jwt.getSubject()
                : identity.getPrincipal().getName();
    }
}
