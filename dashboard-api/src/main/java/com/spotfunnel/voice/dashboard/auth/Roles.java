package com.spotfunnel.voice.dashboard.auth;

/** The roles this API knows, as they appear in the token's role claim ({@code groups}). */
public final class Roles {

    /** A tenant's staff: sees only the tenant named by the tenant claim. */
    public static final String CUSTOMER = "customer";

    /** An operator: may act on any tenant, named explicitly with {@code tenantId}. */
    public static final String ADMIN = "admin";

    private Roles() {}
}
