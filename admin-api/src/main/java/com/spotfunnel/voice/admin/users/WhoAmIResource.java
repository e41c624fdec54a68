package com.spotfunnel.voice.admin.users;

import com.spotfunnel.voice.admin.common.Actor;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The signed-in operator, for the console's header: name, email and roles (from the token or browser session). */
@Path("/me")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class WhoAmIResource {

    /**
     * @param name the token's {@code name}, else {@code preferred_username}, else the principal's name
     * @param subject the OIDC subject ({@code sub}), as written in the audit log's actors and users' rows
     * @param roles this API's roles the operator has ({@code admin}, {@code customer})
     */
    public record WhoAmI(String name, String email, String subject, List<String> roles) {}

    private final SecurityIdentity identity;

    public WhoAmIResource(SecurityIdentity identity) {
        this.identity = identity;
    }

    @GET
    public WhoAmI me() {
        List<String> roles = identity.getRoles().stream()
                .filter(role -> role.equals("admin") || role.equals("customer"))
                .sorted()
                .toList();
        return new WhoAmI(
                claim("name", claim("preferred_username", Actor.of(identity))),
                claim("email", null),
                Actor.subject(identity),
                roles);
    }

    private String claim(String name, String otherwise) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object value = jwt.getClaim(name);
            if (value != null && !value.toString().isBlank()) {
                return value.toString().replace("\"", "");
            }
        }
        return otherwise;
    }
}
