package com.spotfunnel.voice.dashboard.support;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.util.Set;

/** Bearer tokens signed with the key the OIDC test server publishes (its issuer and audience). */
public final class Tokens {

    public static final String ISSUER = "https://server.example.com";
    public static final String AUDIENCE = "https://service.example.com";

    private Tokens() {}

    public static String customer(String tenantId) {
        return base("staff-of-" + tenantId, Set.of("customer"))
                .claim("tenant_id", tenantId)
                .sign();
    }

    public static String admin() {
        return base("operator", Set.of("admin")).sign();
    }

    /** A valid token with no role this API knows. */
    public static String roleless() {
        return base("nobody", Set.of("user")).claim("tenant_id", "t-any").sign();
    }

    /** A customer token without the tenant claim. */
    public static String customerWithoutTenant() {
        return base("lost", Set.of("customer")).sign();
    }

    /** Signed for another audience: must be refused. */
    public static String otherAudience(String tenantId) {
        return Jwt.preferredUserName("x")
                .groups(Set.of("customer"))
                .claim("tenant_id", tenantId)
                .issuer(ISSUER)
                .audience("https://another-service.example.com")
                .sign();
    }

    public static String expired(String tenantId) {
        return base("late", Set.of("customer"))
                .claim("tenant_id", tenantId)
                .issuedAt(1_000_000L)
                .expiresAt(1_000_600L)
                .sign();
    }

    private static JwtClaimsBuilder base(String user, Set<String> groups) {
        return Jwt.preferredUserName(user).groups(groups).issuer(ISSUER).audience(AUDIENCE);
    }
}
