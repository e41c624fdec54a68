package com.spotfunnel.voice.dashboard.auth;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who the dashboard is showing things to: their name, roles and (customers) tenant. */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CUSTOMER, Roles.ADMIN})
@Tag(name = "Me", description = "The signed-in person")
public class WhoAmIResource {

    private final SecurityIdentity identity;
    private final TenantResolver tenants;

    public WhoAmIResource(SecurityIdentity identity, TenantResolver tenants) {
        this.identity = identity;
        this.tenants = tenants;
    }

    @GET
    @Operation(operationId = "whoAmI", summary = "The signed-in person: name, roles and (customers) tenant")
    public WhoAmI me() {
        List<String> roles = identity.getRoles().stream()
                .filter(r -> r.equals(Roles.CUSTOMER) || r.equals(Roles.ADMIN))
                .sorted()
                .toList();
        String tenant = identity.hasRole(Roles.ADMIN) ? null : tenants.ownTenant(identity);
        return new WhoAmI(displayName(), roles, tenant);
    }

    private String displayName() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            for (String claim : List.of("name", "preferred_username")) {
                Object value = jwt.getClaim(claim);
                if (value != null && !value.toString().isBlank()) {
                    return value.toString().replace("\"", "");
                }
            }
        }
        return identity.getPrincipal() == null
                ? "unknown"
                : identity.getPrincipal().getName();
    }
}
