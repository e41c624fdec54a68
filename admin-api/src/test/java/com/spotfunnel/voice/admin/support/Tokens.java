package com.spotfunnel.voice.admin.support;

import io.smallrye.jwt.build.Jwt;
import java.util.Set;

/** Bearer tokens signed with the key of Quarkus' OIDC test server (OidcWiremockTestResource). */
public final class Tokens {

    private Tokens() {}

    public static String admin() {
        return token("alice", "admin");
    }

    public static String admin(String user) {
        return token(user, "admin");
    }

    /** The pipeline's service account (client-credentials): role {@code pipeline} only. */
    public static String pipeline() {
        return token("pipeline-service", "pipeline");
    }

    public static String customer() {
        return token("bob", "customer");
    }

    /** A signed-in identity with no role in admin-api yet (someone accepting an invitation). */
    public static String withoutRoles(String user) {
        return Jwt.preferredUserName(user)
                .subject("sub-" + user)
                .issuer("https://server.example.com")
                .audience("https://service.example.com")
                .jws()
                .keyId("1")
                .sign("privateKey.jwk");
    }

    /** A signed-in identity with no role yet whose provider vouches for {@code email} ({@code email_verified}). */
    public static String signedIn(String user, String email, boolean emailVerified) {
        return Jwt.preferredUserName(user)
                .subject("sub-" + user)
                .claim("email", email)
                .claim("email_verified", emailVerified)
                .issuer("https://server.example.com")
                .audience("https://service.example.com")
                .jws()
                .keyId("1")
                .sign("privateKey.jwk");
    }

    /** An admin's token minted for another client of the realm. */
    public static String adminForAudience(String audience) {
        return Jwt.preferredUserName("alice")
                .subject("sub-alice")
                .groups(Set.of("admin"))
                .issuer("https://server.example.com")
                .audience(audience)
                .jws()
                .keyId("1")
                .sign("privateKey.jwk");
    }

    private static String token(String user, String role) {
        return Jwt.preferredUserName(user)
                .subject("sub-" + user)
                .groups(Set.of(role))
                .issuer("https://server.example.com")
                .audience("https://service.example.com")
                .jws()
                .keyId("1")
                .sign("privateKey.jwk");
    }
}
