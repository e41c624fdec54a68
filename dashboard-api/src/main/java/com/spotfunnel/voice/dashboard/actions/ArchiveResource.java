package com.spotfunnel.voice.dashboard.actions;

import com.spotfunnel.voice.dashboard.auth.Caller;
import com.spotfunnel.voice.dashboard.auth.Roles;
import com.spotfunnel.voice.dashboard.auth.TenantResolver;
import com.spotfunnel.voice.dashboard.calls.CallDetail;
import com.spotfunnel.voice.dashboard.calls.CallIds;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
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

@Path("/api/v1/calls/{callId}/archive")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CUSTOMER, Roles.ADMIN})
@Tag(name = "Archive", description = "Hide calls from the default list")
public class ArchiveResource {

    private final SecurityIdentity identity;
    private final TenantResolver tenants;
    private final ActionService actions;

    public ArchiveResource(SecurityIdentity identity, TenantResolver tenants, ActionService actions) {
        this.identity = identity;
        this.tenants = tenants;
        this.actions = actions;
    }

    @PUT
    @Operation(summary = "Archive the call", description = "Idempotent: archiving again keeps the first who/when.")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = CallDetail.Archive.class)))
    @APIResponse(
            responseCode = "400",
            description = "A parameter is invalid (problem+json naming it)",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(
            responseCode = "404",
            description = "No such call in this tenant",
            content = @Content(mediaType = "application/problem+json"))
    public Uni<CallDetail.Archive> archive(@RestPath String callId, @RestQuery String tenantId) {
        Caller caller = tenants.resolve(identity, tenantId);
        return actions.archive(caller, CallIds.checked(callId));
    }

    @DELETE
    @Operation(summary = "Unarchive the call", description = "204; idempotent.")
    @APIResponse(responseCode = "204", description = "Not archived (any more)")
    @APIResponse(
            responseCode = "400",
            description = "A parameter is invalid (problem+json naming it)",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(
            responseCode = "404",
            description = "No such call in this tenant",
            content = @Content(mediaType = "application/problem+json"))
    public Uni<Void> unarchive(@RestPath String callId, @RestQuery String tenantId) {
        Caller caller = tenants.resolve(identity, tenantId);
        return actions.unarchive(caller, CallIds.checked(callId));
    }
}
