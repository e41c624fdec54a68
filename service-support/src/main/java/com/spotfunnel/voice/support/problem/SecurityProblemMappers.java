package com.spotfunnel.voice.support.problem;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 and 403 raised inside a REST endpoint (a role check, no credentials) as problem+json, like every other error
 * of the APIs. A bad bearer token refused before the endpoint (proactive authentication) is answered by
 * {@link BearerFailureHandler}.
 */
public class SecurityProblemMappers {

    /**
     * No credentials reached an endpoint that needs them. The request's OIDC tenant says what it should be told:
     * a bearer client gets 401 problem+json; a browser on a sign-in path (the code-flow tenant of browser-sessions)
     * gets that tenant's challenge, the redirect to the provider, as Quarkus' own mapper would give it.
     */
    @ServerExceptionMapper
    public Uni<Response> unauthorized(UnauthorizedException e, RoutingContext context) {
        HttpAuthenticator authenticator =
                context == null || context.request().getHeader(HttpHeaders.AUTHORIZATION) != null
                        ? null
                        : context.get(HttpAuthenticator.class.getName());
        if (authenticator == null) {
            return Uni.createFrom().item(unauthenticated());
        }
        return authenticator
                .getChallenge(context)
                .map(challenge -> {
                    if (challenge == null || challenge.status == 401) {
                        return unauthenticated();
                    }
                    Response.ResponseBuilder redirect = Response.status(challenge.status);
                    challenge.getHeaders().forEach((name, value) -> redirect.header(name.toString(), value));
                    return redirect.build();
                })
                .onFailure()
                .recoverWithItem(failure -> unauthenticated()); // the provider unreachable: still a 401
    }

    /** Credentials that failed (an ended browser session's cookie among them): the same answer as none. */
    @ServerExceptionMapper
    public Uni<Response> authenticationFailed(AuthenticationFailedException e, RoutingContext context) {
        return unauthorized(null, context);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        String detail = e.getMessage() == null ? "Not allowed." : e.getMessage();
        return Response.status(403)
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(403, "Forbidden", detail))
                .build();
    }

    static Response unauthenticated() {
        return Response.status(401)
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(Problem.of(401, "Unauthorized", "A valid bearer token is required."))
                .build();
    }
}
