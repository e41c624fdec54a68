package com.spotfunnel.voice.admin.common;

import io.quarkus.security.identity.SecurityIdentity;

/** Who is making a change, as written in the audit log: the token's user name (or subject). */
public final class Actor {

    private Actor() {
    }

    public static String of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || identity.getPrincipal() == null) {
            return "anonymous";
        }
        return identity.getPrincipal().getName();
    }
}
