package com.spotfunnel.voice.admin.users;

import com.spotfunnel.voice.admin.common.Actor;
import com.spotfunnel.voice.admin.users.UserModels.Invitation;
import com.spotfunnel.voice.admin.users.UserModels.NewInvitation;
import com.spotfunnel.voice.admin.users.UserModels.RoleChange;
import com.spotfunnel.voice.admin.users.UserModels.User;
import com.spotfunnel.voice.support.problem.InvalidInputException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;

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

    /** Another role (and tenant) for a user, from their next request; 409 for one's own role or a deactivated user. */
    @PUT
    @Path("/{userId}/role")
    public Uni<User> changeRole(@PathParam("userId") String userId, RoleChange body) {
        return service.changeRole(uuid("userId", userId), body, Actor.of(identity), Actor.subject(identity));
    }

    /** Deactivates a user: 403 from then on, every browser session of theirs ended; 409 for oneself or twice. */
    @POST
    @Path("/{userId}/deactivate")
    @Consumes(MediaType.WILDCARD) // no body
    public Uni<User> deactivate(@PathParam("userId") String userId) {
        return service.deactivate(uuid("userId", userId), Actor.of(identity), Actor.subject(identity));
    }

    private static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "must be a UUID");
        }
    }

    /** {@code status=pending}: only those whose link still works; {@code all} (the default) every one. */
    @GET
    @Path("/invitations")
    public Uni<List<Invitation>> invitations(@QueryParam("status") @DefaultValue("all") String status) {
        if (!"all".equals(status) && !"pending".equals(status)) {
            throw new InvalidInputException("status", "must be pending or all");
        }
        return service.invitations("pending".equals(status));
    }

    /** Revokes an invitation not accepted yet (204); 409 when it was already accepted or revoked. */
    @DELETE
    @Path("/invitations/{invitationId}")
    public Uni<Response> revoke(@PathParam("invitationId") String invitationId) {
        return service.revoke(uuid("invitationId", invitationId), Actor.of(identity))
                .map(ignored -> Response.noContent().build());
    }

    /** Sends a single-use, expiring invitation link by mail. */
    @POST
    @Path("/invitations")
    public Uni<Response> invite(NewInvitation body) {
        return service.invite(body, Actor.of(identity))
                .map(invitation -> Response.status(201).entity(invitation).build());
    }
}
