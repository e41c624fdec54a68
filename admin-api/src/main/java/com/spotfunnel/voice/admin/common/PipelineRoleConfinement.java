package com.spotfunnel.voice.admin.common;

import com.spotfunnel.voice.support.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The pipeline's service account reads knowledge and nothing else: a request whose identity has role
 * {@code pipeline} is refused (403) on every endpoint not marked {@link PipelineAccess}, so a leaked pipeline
 * token cannot accept an invitation or reach any endpoint that merely requires a signed-in identity.
 */
public class PipelineRoleConfinement {

    public static final String ROLE = "pipeline";

    @ServerRequestFilter
    public Optional<Response> confine(ContainerRequestContext request, ResourceInfo resource) {
        if (request.getSecurityContext() == null
                || !request.getSecurityContext().isUserInRole(ROLE)
                || resource.getResourceMethod() == null
                || resource.getResourceMethod().isAnnotationPresent(PipelineAccess.class)) {
            return Optional.empty();
        }
        Problem problem = Problem.of(
                403, "Forbidden", "role pipeline may only search knowledge (GET /tenants/{tenantId}/knowledge/search)");
        return Optional.of(
                Response.status(403).type(Problem.MEDIA_TYPE).entity(problem).build());
    }
}
