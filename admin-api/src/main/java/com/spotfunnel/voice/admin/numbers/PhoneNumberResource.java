package com.spotfunnel.voice.admin.numbers;

import com.spotfunnel.voice.admin.common.Actor;
import com.spotfunnel.voice.admin.common.Etags;
import com.spotfunnel.voice.admin.tenants.TenantService;
import com.spotfunnel.voice.admin.tenants.TenantView;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * A tenant's phone numbers (E.164, each unique across all tenants). Every change is a new tenant version,
 * published like any other. If-Match is optional here: adding or removing a number overwrites nothing.
 */
@Path("/tenants/{tenantId}/phone-numbers")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PhoneNumberResource {

    /** @param numbers E.164 numbers to add */
    public record AddNumbers(List<String> numbers) {}

    private final TenantService service;
    private final SecurityIdentity identity;

    public PhoneNumberResource(TenantService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    public Uni<List<String>> list(@PathParam("tenantId") String tenantId) {
        return service.get(tenantId).map(TenantView::phoneNumbers);
    }

    @POST
    public Uni<Response> add(
            @PathParam("tenantId") String tenantId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            AddNumbers body) {
        Long expected = Etags.optional(ifMatch);
        return service.addNumbers(tenantId, expected, body == null ? null : body.numbers(), Actor.of(identity))
                .map(PhoneNumberResource::withEtag);
    }

    @DELETE
    @Path("/{number}")
    public Uni<Response> remove(
            @PathParam("tenantId") String tenantId,
            @PathParam("number") String number,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Long expected = Etags.optional(ifMatch);
        return service.removeNumber(tenantId, expected, number, Actor.of(identity))
                .map(PhoneNumberResource::withEtag);
    }

    private static Response withEtag(TenantView view) {
        return Response.ok(view)
                .tag(new EntityTag(Long.toString(view.version())))
                .build();
    }
}
