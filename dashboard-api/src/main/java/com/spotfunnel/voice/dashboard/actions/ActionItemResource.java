package com.spotfunnel.voice.dashboard.actions;

import com.spotfunnel.voice.dashboard.auth.Caller;
import com.spotfunnel.voice.dashboard.auth.Roles;
import com.spotfunnel.voice.dashboard.auth.TenantResolver;
import com.spotfunnel.voice.dashboard.calls.CallDetail;
import com.spotfunnel.voice.dashboard.calls.CallIds;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/v1/calls/{callId}/action-item")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CUSTOMER, Roles.ADMIN})
@Tag(name = "Action items", description = "Follow-ups on calls, written by the tenant's staff")
public class ActionItemResource {

    private final SecurityIdentity identity;
    private final TenantResolver tenants;
    private final ActionService actions;

    public ActionItemResource(SecurityIdentity identity, TenantResolver tenants, ActionService actions) {
        this.identity = identity;
        this.tenants = tenants;
        this.actions = actions;
    }

    @POST
    @Operation(
            summary = "Mark the call as requiring action",
            description = "Opens (or re-opens) its action " + "item, with an optional note of at most 2000 characters.")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = CallDetail.ActionState.class)))
    @APIResponse(
            responseCode = "400",
            description = "A parameter is invalid (problem+json naming it)",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(
            responseCode = "404",
            description = "No such call in this tenant",
            content = @Content(mediaType = "application/problem+json"))
    public Uni<CallDetail.ActionState> mark(@RestPath String callId, @RestQuery String tenantId, NoteRequest body) {
        Caller caller = tenants.resolve(identity, tenantId);
        return actions.mark(caller, CallIds.checked(callId), body);
    }

    @POST
    @Path("/resolution")
    @Operation(
            summary = "Resolve the call's action item",
            description = "Records who resolved it, when, and "
                    + "the required note. 409 when the call has no open action item.")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = CallDetail.ActionState.class)))
    @APIResponse(
            responseCode = "400",
            description = "A parameter is invalid (problem+json naming it)",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(
            responseCode = "404",
            description = "No such call in this tenant",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(
            responseCode = "409",
            description = "The call has no open action item",
            content = @Content(mediaType = "application/problem+json"))
    public Uni<CallDetail.ActionState> resolve(@RestPath String callId, @RestQuery String tenantId, NoteRequest body) {
        Caller caller = tenants.resolve(identity, tenantId);
        return actions.resolve(caller, CallIds.checked(callId), body);
    }
}
