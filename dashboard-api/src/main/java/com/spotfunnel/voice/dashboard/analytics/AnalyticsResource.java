package com.spotfunnel.voice.dashboard.analytics;

import com.spotfunnel.voice.dashboard.auth.Caller;
import com.spotfunnel.voice.dashboard.auth.Roles;
import com.spotfunnel.voice.dashboard.auth.TenantResolver;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/v1/analytics")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CUSTOMER, Roles.ADMIN})
@Tag(name = "Analytics", description = "The tenant's call figures over a date range")
public class AnalyticsResource {

    private final SecurityIdentity identity;
    private final TenantResolver tenants;
    private final AnalyticsService analytics;

    public AnalyticsResource(SecurityIdentity identity, TenantResolver tenants, AnalyticsService analytics) {
        this.identity = identity;
        this.tenants = tenants;
        this.analytics = analytics;
    }

    @GET
    @Operation(
            summary = "Call analytics",
            description = "from and to are required: ISO dates (to inclusive, "
                    + "UTC days) or instants (to exclusive). At most dashboard.max-analytics-days days.")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CallAnalytics.class)))
    @APIResponse(
            responseCode = "400",
            description = "A parameter is invalid (problem+json naming it)",
            content = @Content(mediaType = "application/problem+json"))
    public Uni<CallAnalytics> analytics(@RestQuery String from, @RestQuery String to, @RestQuery String tenantId) {
        Caller caller = tenants.resolve(identity, tenantId);
        return analytics.over(caller.tenantId(), from, to);
    }
}
