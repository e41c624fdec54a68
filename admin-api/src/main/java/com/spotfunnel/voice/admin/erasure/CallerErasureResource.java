package com.spotfunnel.voice.admin.erasure;

import com.spotfunnel.voice.admin.common.Actor;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * "Forget this number": an operator erases a caller of a tenant. 202 once the erasure is in the audit log and on
 * {@code call-events} (CallerErased); each owner then erases its own data: pipeline-service the caller's history,
 * dashboard-api masks the number in the tenant's calls. 400 for a number that is not E.164, 404 for an unknown
 * tenant, 503 when the broker did not take the event (nothing recorded; try again).
 */
@Path("/tenants/{tenantId}/caller-erasures")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CallerErasureResource {

    /** @param phoneNumber the caller's number, E.164 */
    public record EraseCaller(String phoneNumber) {}

    private final CallerErasureService service;
    private final SecurityIdentity identity;

    public CallerErasureResource(CallerErasureService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    public Uni<Response> erase(@PathParam("tenantId") String tenantId, EraseCaller body) {
        return service.erase(tenantId, body == null ? null : body.phoneNumber(), Actor.of(identity))
                .map(erasure -> Response.accepted(erasure).build());
    }
}
