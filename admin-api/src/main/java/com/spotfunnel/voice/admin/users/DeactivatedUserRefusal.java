package com.spotfunnel.voice.admin.users;

import com.spotfunnel.voice.support.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A deactivated user is refused (403) on every endpoint, including those that only need a signed-in identity
 * ({@code /sessions}, accepting an invitation): {@link UserRolesAugmentor} gives them only the marker role
 * {@value #ROLE}, which no endpoint allows.
 */
public class DeactivatedUserRefusal {

    public static final String ROLE = "deactivated";

    @ServerRequestFilter
    public Optional<Response> refuse(ContainerRequestContext request) {
        if (request.getSecurityContext() == null
                || !request.getSecurityContext().isUserInRole(ROLE)) {
            return Optional.empty();
        }
        Problem problem = Problem.of(403, "Forbidden", "this user is deactivated; an operator can tell you why");
        return Optional.of(
                Response.status(403).type(Problem.MEDIA_TYPE).entity(problem).build());
    }
}
