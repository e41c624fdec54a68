package com.spotfunnel.voice.pipeline.stress;

import com.spotfunnel.voice.events.stress.StressTestRequest;
import com.spotfunnel.voice.support.problem.InvalidInputException;
import com.spotfunnel.voice.support.problem.Problem;
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
import java.util.List;

/**
 * The stress test, inside the platform only: admin-api forwards operators' runs here. Each request carries admin-api's
 * client-credentials token (role {@value #CALLER_ROLE}): 401 without a valid one, 403 for any other role. Not routed by
 * the public ingress, and the k8s NetworkPolicies let only admin-api reach it — a second layer, not the first.
 */
@Path("/internal/stress-tests")
@RolesAllowed(StressTestResource.CALLER_ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StressTestResource {

    /** The realm role of admin-api's service account. */
    public static final String CALLER_ROLE = "admin-api";

    private final StressTestService service;

    public StressTestResource(StressTestService service) {
        this.service = service;
    }

    /** 202 with the run (progress 0 of N) and its Location; 400 naming the field; 404 when the tenant is unknown here. */
    @POST
    public Uni<Response> start(StressTestRequest request) {
        var wrong = service.check(request);
        if (!wrong.isEmpty()) {
            throw new InvalidInputException(wrong.stream()
                    .map(v -> new Problem.FieldError(v.field(), v.message()))
                    .toList());
        }
        return service.start(request)
                .map(
                        started -> started.map(run -> Response.accepted(run.view())
                                        .location(URI.create("/internal/stress-tests/" + run.id()))
                                        .build())
                                .orElseGet(
                                        () -> notFound(
                                                "tenantId",
                                                "tenant " + request.tenantId()
                                                        + " is not known to pipeline-service yet (its config is published shortly after a change)")));
    }

    @GET
    @Path("/{id}")
    public Uni<Response> get(@PathParam("id") String id) {
        return service.get(id)
                .map(found -> found.map(run -> Response.ok(run).build())
                        .orElseGet(() -> notFound(
                                null,
                                "no stress-test run " + id + " (runs are kept for pipeline.stress-test.keep-days)")));
    }

    private static Response notFound(String field, String detail) {
        List<Problem.FieldError> errors = field == null ? null : List.of(new Problem.FieldError(field, detail));
        return Response.status(404)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", "Not Found", 404, detail, errors))
                .build();
    }
}
