package com.spotfunnel.voice.pipeline.knowledge;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * admin-api's knowledge retrieval ({@code GET /tenants/{tenantId}/knowledge/search}, role {@code pipeline}),
 * called with the pipeline's own client-credentials token from the OIDC provider ({@code quarkus.oidc-client.*}).
 * Base URL: {@code quarkus.rest-client.admin-api.url} ({@code ADMIN_API_URL}).
 */
@RegisterRestClient(configKey = "admin-api")
@OidcClientFilter
@Path("/tenants/{tenantId}/knowledge/search")
public interface KnowledgeSearchApi {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    Uni<List<Passage>> search(
            @PathParam("tenantId") String tenantId, @QueryParam("q") String query, @QueryParam("limit") int limit);
}
