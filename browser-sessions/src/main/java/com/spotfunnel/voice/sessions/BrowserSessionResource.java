package com.spotfunnel.voice.sessions;

import com.spotfunnel.voice.support.problem.InvalidInputException;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The signed-in user's browser sessions (any role: a session belongs to a person, not to a tenant). Only a
 * request that itself comes with a browser session may use this; a bearer token has no session and gets 403.
 */
@Path("/sessions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class BrowserSessionResource {

    private final BrowserSessionService service;
    private final SecurityIdentity identity;

    public BrowserSessionResource(BrowserSessionService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    /** The caller's live sessions, most recently used first; {@code current} marks the one of this request. */
    @GET
    public Uni<List<BrowserSession>> list(@Context RoutingContext context) {
        return service.list(subject(), currentSession(context));
    }

    /** Ends one of the caller's sessions: its browser is signed out on its next request. */
    @DELETE
    @Path("/{sessionId}")
    public Uni<Response> revoke(@Context RoutingContext context, @PathParam("sessionId") String sessionId) {
        currentSession(context);
        UUID id;
        try {
            id = UUID.fromString(sessionId);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("sessionId", "must be a UUID");
        }
        return service.revoke(subject(), id).replaceWith(Response.noContent().build());
    }

    /** Ends every session of the caller, this one included. */
    @POST
    @Path("/logout-all")
    public Uni<Map<String, Integer>> logoutEverywhere(@Context RoutingContext context) {
        currentSession(context);
        return service.revokeAll(subject()).map(count -> Map.of("ended", count));
    }

    /** The caller's OIDC subject ({@code sub}), the same whether it came as a bearer token or a browser session. */
    private String subject() {
        return identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null
                ? jwt.getSubject()
                : identity.getPrincipal().getName();
    }

    private static UUID currentSession(RoutingContext context) {
        UUID current = context.get(DatabaseTokenStateManager.CURRENT_SESSION);
        if (current == null) {
            throw new ForbiddenException("Sessions are the web app's browser sessions and this request has none"
                    + " (it carries a bearer token): sign in at /login and call this with the session cookie");
        }
        return current;
    }
}
