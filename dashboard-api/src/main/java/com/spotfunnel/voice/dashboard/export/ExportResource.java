package com.spotfunnel.voice.dashboard.export;

import com.spotfunnel.voice.dashboard.auth.Caller;
import com.spotfunnel.voice.dashboard.auth.Roles;
import com.spotfunnel.voice.dashboard.auth.TenantResolver;
import com.spotfunnel.voice.dashboard.calls.CallFilter;
import com.spotfunnel.voice.dashboard.calls.CallFilterParser;
import com.spotfunnel.voice.dashboard.calls.CallQueryParams;
import com.spotfunnel.voice.dashboard.calls.InputErrors;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestMulti;

@Path("/api/v1/exports/calls.csv")
@RolesAllowed({Roles.CUSTOMER, Roles.ADMIN})
@Tag(name = "Export", description = "The call list as CSV")
public class ExportResource {

    public static final String TEXT_CSV = "text/csv";

    private final SecurityIdentity identity;
    private final TenantResolver tenants;
    private final CallFilterParser filters;
    private final CallCsvExporter exporter;

    public ExportResource(
            SecurityIdentity identity, TenantResolver tenants, CallFilterParser filters, CallCsvExporter exporter) {
        this.identity = identity;
        this.tenants = tenants;
        this.filters = filters;
        this.exporter = exporter;
    }

    @GET
    @Produces(TEXT_CSV)
    @Operation(
            summary = "Export calls as CSV",
            description = "The call list's filters, search and sort; every "
                    + "matching row, streamed: the export is not paged, and a request naming cursor or limit is a 400. RFC 4180; cells starting with = + - @ are "
                    + "prefixed with ' against spreadsheet formula injection.")
    @APIResponse(responseCode = "200", description = "The CSV, streamed", content = @Content(mediaType = "text/csv"))
    @APIResponse(
            responseCode = "400",
            description = "A parameter is invalid (problem+json naming it)",
            content = @Content(mediaType = "application/problem+json"))
    public RestMulti<String> export(@BeanParam CallQueryParams params) {
        Caller caller = tenants.resolve(identity, params.tenantId);
        refusePaging(params);
        CallFilter filter = filters.parse(caller.tenantId(), params);
        return RestMulti.fromMultiData(exporter.export(filter))
                .header("Content-Disposition", "attachment; filename=\"calls.csv\"")
                .header("Content-Type", TEXT_CSV + "; charset=utf-8")
                .build();
    }

    /** The export is every matching call; a page of it would silently drop rows the user expects to be there. */
    private static void refusePaging(CallQueryParams params) {
        InputErrors errors = new InputErrors();
        if (params.cursor != null) {
            errors.add("cursor", "the export is not paged: it streams every matching call; leave cursor out");
        }
        if (params.limit != null) {
            errors.add("limit", "the export is not paged: it streams every matching call; leave limit out");
        }
        errors.throwIfAny();
    }
}
