package com.spotfunnel.voice.admin.tenants;

import com.spotfunnel.voice.admin.audit.AuditEntry;
import com.spotfunnel.voice.admin.common.Actor;
import com.spotfunnel.voice.admin.common.Etags;
import com.spotfunnel.voice.support.input.QueryValues;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * Tenants and their agents. Reads answer an ETag (the version); PUT and DELETE need it back in If-Match, so
 * two operators never overwrite each other silently (412 when stale, 428 when missing).
 */
@Path("/tenants")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TenantResource {

    private final TenantService service;
    private final SecurityIdentity identity;

    public TenantResource(TenantService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    public Uni<List<TenantView>> list() {
        return service.list();
    }

    @POST
    public Uni<Response> create(TenantSpec spec) {
        return service.create(spec, Actor.of(identity))
                .map(view -> Response.created(URI.create("/tenants/" + view.tenantId()))
                        .tag(unquoted(view.version()))
                        .entity(view)
                        .build());
    }

    @GET
    @Path("/{tenantId}")
    public Uni<Response> get(@PathParam("tenantId") String tenantId) {
        return service.get(tenantId).map(TenantResource::withEtag);
    }

    @PUT
    @Path("/{tenantId}")
    public Uni<Response> update(
            @PathParam("tenantId") String tenantId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            TenantSpec spec) {
        long expected = Etags.required(ifMatch);
        return service.update(tenantId, expected, spec, Actor.of(identity)).map(TenantResource::withEtag);
    }

    @DELETE
    @Path("/{tenantId}")
    public Uni<Response> delete(
            @PathParam("tenantId") String tenantId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        long expected = Etags.required(ifMatch);
        return service.delete(tenantId, expected, Actor.of(identity))
                .map(ignored -> Response.noContent().build());
    }

    /** Who changed this tenant, what and when, newest first. */
    @GET
    @Path("/{tenantId}/audit")
    public Uni<List<AuditEntry>> audit(@PathParam("tenantId") String tenantId, @QueryParam("limit") String limit) {
        return service.audit(tenantId, QueryValues.integer("limit", limit, 100, 1, 1000));
    }

    static Response withEtag(TenantView view) {
        return Response.ok(view).tag(unquoted(view.version())).build();
    }

    private static jakarta.ws.rs.core.EntityTag unquoted(long version) {
        return new jakarta.ws.rs.core.EntityTag(Long.toString(version));
    }
}
