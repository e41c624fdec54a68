package com.spotfunnel.voice.support.problem;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 and 403 raised inside a REST endpoint (a role check, no credentials) as problem+json, like every other error
 * of the APIs. A bad bearer token refused before the endpoint (proactive authentication) is answered by
 * {@link BearerFailureHandler}.
 */
public class SecurityProblemMappers {

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        String detail = e.getMessage() == null ? "Not allowed." : e.getMessage();
        return Response.status(403).type(Problem.MEDIA_TYPE).entity(Problem.of(403, "Forbidden", detail)).build();
    }

    static Response unauthenticated() {
        return Response.status(401).type(Problem.MEDIA_TYPE).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(Problem.of(401, "Unauthorized", "A valid bearer token is required.")).build();
    }
}
