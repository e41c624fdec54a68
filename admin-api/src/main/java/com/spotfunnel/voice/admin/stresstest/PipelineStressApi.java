package com.spotfunnel.voice.admin.stresstest;

import com.spotfunnel.voice.events.stress.StressTestRequest;
import com.spotfunnel.voice.events.stress.StressTestRun;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * pipeline-service's internal stress-test API ({@code PIPELINE_INTERNAL_URL}), called with admin-api's own
 * client-credentials token ({@code quarkus.oidc-client.*}; the pipeline wants role {@code admin-api}).
 */
@RegisterRestClient(configKey = "pipeline-internal")
@OidcClientFilter
@Path("/internal/stress-tests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface PipelineStressApi {

    @POST
    Uni<StressTestRun> start(StressTestRequest request);

    @GET
    @Path("/{id}")
    Uni<StressTestRun> get(@PathParam("id") String id);

    /** A 4xx is the pipeline refusing the request (passed on to the operator); anything else is it being unwell. */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        if (response.getStatus() >= 400 && response.getStatus() < 500) {
            return new PipelineRefused(response.getStatus(), response.readEntity(String.class));
        }
        return new PipelineUnavailable("pipeline-service answered HTTP " + response.getStatus());
    }
}
