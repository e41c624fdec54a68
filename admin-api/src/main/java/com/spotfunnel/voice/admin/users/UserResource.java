package com.spotfunnel.voice.admin.users;

import com.spotfunnel.voice.admin.common.Actor;
import com.spotfunnel.voice.admin.users.UserModels.Invitation;
import com.spotfunnel.voice.admin.users.UserModels.NewInvitation;
import com.spotfunnel.voice.admin.users.UserModels.User;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Users (admins and customers of a tenant) and the invitations that create them. */
@Path("/users")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {

    private final UserService service;
    private final SecurityIdentity identity;

    public UserResource(UserService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    public Uni<List<User>> users(@QueryParam("tenantId") String tenantId) {
        return service.users(tenantId == null || tenantId.isBlank() ? null : tenantId);
    }

    @GET
    @Path("/invitations")
    public Uni<List<Invitation>> invitations() {
        return service.invitations();
    }

    /** Sends a single-use, expiring invitation link by mail. */
    @POST
    @Path("/invitations")
    public Uni<Response> invite(NewInvitation body) {
        return service.invite(body, Actor.of(identity)).map(invitation -> Response.status(201).entity(invitation).build());
    }
}
