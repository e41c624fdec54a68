package com.spotfunnel.voice.dashboard.actions;

import com.spotfunnel.voice.dashboard.auth.Caller;
import com.spotfunnel.voice.dashboard.auth.Roles;
import com.spotfunnel.voice.dashboard.auth.TenantResolver;
import com.spotfunnel.voice.dashboard.calls.CallFilterParser;
import com.spotfunnel.voice.dashboard.calls.CallPage;
import com.spotfunnel.voice.dashboard.calls.CallQueryParams;
import com.spotfunnel.voice.dashboard.calls.CallService;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/action-items")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CUSTOMER, Roles.ADMIN})
@Tag(name = "Action items")
public class OpenActionItemsResource {

    private final SecurityIdentity identity;
    private final TenantResolver tenants;
    private final CallFilterParser filters;
    private final CallService calls;

    public OpenActionItemsResource(
            SecurityIdentity identity, TenantResolver tenants, CallFilterParser filters, CallService calls) {
        this.identity = identity;
        this.tenants = tenants;
        this.filters = filters;
        this.calls = calls;
    }

    @GET
    @Operation(
            summary = "Open action items",
            description = "The calls whose action item is open, with the "
                    + "call list's filters and pagination (requiresAction is always true here).")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CallPage.class)))
    @APIResponse(
            responseCode = "400",
            description = "A parameter is invalid (problem+json naming it)",
            content = @Content(mediaType = "application/problem+json"))
    public Uni<CallPage> open(@BeanParam CallQueryParams params) {
        Caller caller = tenants.resolve(identity, params.tenantId);
        params.requiresAction = null;
        return calls.page(filters.parse(caller.tenantId(), params).withRequiresAction(true));
    }
}
