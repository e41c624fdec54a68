package com.spotfunnel.voice.dashboard.auth;

import com.spotfunnel.voice.dashboard.config.DashboardConfig;
import com.spotfunnel.voice.support.problem.InvalidInputException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Decides which tenant a request may see. A {@code customer} sees the tenant named by the token's tenant
 * claim ({@code dashboard.auth.tenant-claim}, default {@code tenant_id}) and may not name another; an
 * {@code admin} must name the tenant with {@code tenantId}.
 */
@ApplicationScoped
public class TenantResolver {

    public static final String TENANT_PARAM = "tenantId";
    private static final Pattern TENANT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final DashboardConfig config;

    public TenantResolver(DashboardConfig config) {
        this.config = config;
    }

    public Caller resolve(SecurityIdentity identity, String requestedTenant) {
        if (requestedTenant != null && !TENANT_ID.matcher(requestedTenant).matches()) {
            throw new InvalidInputException(TENANT_PARAM, "must be 1-64 letters, digits, '.', '_', ':' or '-'");
        }
        String user = identity.getPrincipal() == null
                ? "unknown"
                : identity.getPrincipal().getName();
        if (identity.hasRole(Roles.ADMIN)) {
            if (requestedTenant == null) {
                throw new InvalidInputException(TENANT_PARAM, "is required for an admin");
            }
            return new Caller(requestedTenant, user);
        }
        if (identity.hasRole(Roles.CUSTOMER)) {
            String own = tenantClaim(identity);
            if (own == null || !TENANT_ID.matcher(own).matches()) {
                throw new ForbiddenException("The token names no tenant");
            }
            if (requestedTenant != null && !requestedTenant.equals(own)) {
                throw new ForbiddenException("A customer may only see its own tenant");
            }
            return new Caller(own, user);
        }
        throw new ForbiddenException("Neither customer nor admin");
    }

    /** The tenant named by the caller's token (customers), or null. */
    public String ownTenant(SecurityIdentity identity) {
        return tenantClaim(identity);
    }

    private String tenantClaim(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object claim = jwt.getClaim(config.auth().tenantClaim());
            if (claim instanceof jakarta.json.JsonString s) {
                return s.getString();
            }
            return claim == null ? null : claim.toString();
        }
        return null;
    }
}
