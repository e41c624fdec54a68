package com.spotfunnel.voice.dashboard.calls;

import com.spotfunnel.voice.dashboard.auth.Caller;
import com.spotfunnel.voice.dashboard.auth.Roles;
import com.spotfunnel.voice.dashboard.auth.TenantResolver;
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
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/v1/calls")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CUSTOMER, Roles.ADMIN})
@Tag(name = "Calls", description = "The tenant's calls: list, search, detail")
public class CallResource {

    private final SecurityIdentity identity;
    private final TenantResolver tenants;
    private final CallFilterParser filters;
    private final CallService calls;

    public CallResource(
            SecurityIdentity identity, TenantResolver tenants, CallFilterParser filters, CallService calls) {
        this.identity = identity;
        this.tenants = tenants;
        this.filters = filters;
        this.calls = calls;
    }

    @GET
    @Operation(
            summary = "List calls",
            description = "Filters, search, sort and keyset pagination. Archived calls "
                    + "are hidden unless archived=include|only. Follow nextCursor for the next page.")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CallPage.class)))
    @APIResponse(
            responseCode = "400",
            description = "A parameter is invalid (problem+json naming it)",
            content = @Content(mediaType = "application/problem+json"))
    public Uni<CallPage> list(@BeanParam CallQueryParams params) {
        Caller caller = tenants.resolve(identity, params.tenantId);
        return calls.page(filters.parse(caller.tenantId(), params));
    }

    @GET
    @Path("/{callId}")
    @Operation(
            summary = "One call",
            description = "The call with its transcript, costs, action item and archive "
                    + "state. 404 when the call is not the tenant's.")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CallDetail.class)))
    @APIResponse(
            responseCode = "400",
            description = "A parameter is invalid (problem+json naming it)",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(
            responseCode = "404",
            description = "No such call in this tenant",
            content = @Content(mediaType = "application/problem+json"))
    public Uni<CallDetail> detail(@RestPath String callId, @RestQuery String tenantId) {
        Caller caller = tenants.resolve(identity, tenantId);
        return calls.detail(caller.tenantId(), CallIds.checked(callId));
    }
}
