package com.spotfunnel.voice.admin.stresstest;

import com.spotfunnel.voice.admin.common.Actor;
import com.spotfunnel.voice.events.stress.StressTestRequest;
import com.spotfunnel.voice.events.stress.StressTestRun;
import com.spotfunnel.voice.support.problem.Problem;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The agent stress test (run before launch with real provider keys): {@code POST /api/stress-test/run} starts N
 * adversarial text conversations against a tenant's agent on pipeline-service and answers 202 with the run and
 * its Location; {@code GET /api/stress-test/runs/{id}} shows the progress, then the verdicts and the pass rate.
 */
@Path("/api/stress-test")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StressTestResource {

    private final StressTestService service;
    private final SecurityIdentity identity;

    public StressTestResource(StressTestService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    @Path("/run")
    public Uni<Response> run(StressTestRequest request) {
        return service.start(request, Actor.of(identity))
                .map(run -> Response.accepted(run)
                        .location(URI.create("/api/stress-test/runs/" + run.id()))
                        .build());
    }

    @GET
    @Path("/runs/{id}")
    public Uni<StressTestRun> get(@PathParam("id") String id) {
        return service.get(id);
    }

    /** The pipeline's own refusal (400 naming the field, 404 unknown run or tenant), passed on as it came. */
    @ServerExceptionMapper
    public Response refused(PipelineRefused refused) {
        return Response.status(refused.status())
                .type(Problem.MEDIA_TYPE)
                .entity(refused.body())
                .build();
    }
}
