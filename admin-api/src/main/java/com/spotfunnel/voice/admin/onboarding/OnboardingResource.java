package com.spotfunnel.voice.admin.onboarding;

import com.spotfunnel.voice.admin.common.Actor;
import com.spotfunnel.voice.admin.onboarding.OnboardingModels.KnowledgeStep;
import com.spotfunnel.voice.admin.onboarding.OnboardingModels.Session;
import com.spotfunnel.voice.admin.onboarding.OnboardingModels.Start;
import com.spotfunnel.voice.admin.onboarding.OnboardingModels.TelephonyStep;
import com.spotfunnel.voice.admin.tenants.TenantSpec;
import com.spotfunnel.voice.support.problem.InvalidInputException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Onboarding sessions: start, save steps in any order (again if needed), resume, complete. */
@Path("/onboarding")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OnboardingResource {

    private final OnboardingService service;
    private final SecurityIdentity identity;

    public OnboardingResource(OnboardingService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    /** Sessions still in progress, most recently touched first: where to resume. */
    @GET
    public Uni<List<Session>> open() {
        return service.open();
    }

    @POST
    public Uni<Response> start(Start body) {
        return service.start(body, Actor.of(identity))
                .map(session -> Response.created(URI.create("/onboarding/" + session.id()))
                        .entity(session)
                        .build());
    }

    @GET
    @Path("/{id}")
    public Uni<Session> get(@PathParam("id") String id) {
        return service.get(uuid(id));
    }

    @PUT
    @Path("/{id}/agent")
    public Uni<Session> agent(@PathParam("id") String id, TenantSpec.AgentSpec body) {
        return service.saveAgent(uuid(id), body);
    }

    @PUT
    @Path("/{id}/knowledge")
    public Uni<Session> knowledge(@PathParam("id") String id, KnowledgeStep body) {
        return service.saveKnowledge(uuid(id), body);
    }

    @PUT
    @Path("/{id}/telephony")
    public Uni<Session> telephony(@PathParam("id") String id, TelephonyStep body) {
        return service.saveTelephony(uuid(id), body);
    }

    @POST
    @Path("/{id}/complete")
    public Uni<Response> complete(@PathParam("id") String id) {
        return service.complete(uuid(id), Actor.of(identity))
                .map(tenant -> Response.created(URI.create("/tenants/" + tenant.tenantId()))
                        .tag(new EntityTag(Long.toString(tenant.version())))
                        .entity(tenant)
                        .build());
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("id", "must be an onboarding session id (a UUID)");
        }
    }
}
