package com.spotfunnel.voice.admin.knowledge;

import com.spotfunnel.voice.admin.common.Actor;
import com.spotfunnel.voice.admin.common.PipelineAccess;
import com.spotfunnel.voice.admin.common.PipelineRoleConfinement;
import com.spotfunnel.voice.admin.knowledge.KnowledgeModels.Document;
import com.spotfunnel.voice.admin.knowledge.KnowledgeModels.KnowledgeBase;
import com.spotfunnel.voice.admin.knowledge.KnowledgeModels.NewDocument;
import com.spotfunnel.voice.admin.knowledge.KnowledgeModels.NewKnowledgeBase;
import com.spotfunnel.voice.admin.knowledge.KnowledgeModels.Passage;
import com.spotfunnel.voice.support.input.QueryValues;
import com.spotfunnel.voice.support.problem.InvalidInputException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * A tenant's knowledge bases, their documents (split into chunks on upload) and retrieval over them
 * (PostgreSQL full-text search). Retrieval also admits the role {@code pipeline}, for the pipeline's service
 * account (a client-credentials token); it is the only endpoint that does ({@link PipelineRoleConfinement}).
 * Everything else is {@code admin} only.
 */
@Path("/tenants/{tenantId}")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class KnowledgeResource {

    private final KnowledgeService service;
    private final SecurityIdentity identity;

    public KnowledgeResource(KnowledgeService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @Path("/knowledge-bases")
    public Uni<List<KnowledgeBase>> list(@PathParam("tenantId") String tenantId) {
        return service.list(tenantId);
    }

    @POST
    @Path("/knowledge-bases")
    public Uni<Response> create(@PathParam("tenantId") String tenantId, NewKnowledgeBase body) {
        return service.create(tenantId, body, Actor.of(identity))
                .map(kb -> Response.created(URI.create("/tenants/" + tenantId + "/knowledge-bases/" + kb.id()))
                        .entity(kb)
                        .build());
    }

    @GET
    @Path("/knowledge-bases/{kbId}")
    public Uni<KnowledgeBase> get(@PathParam("tenantId") String tenantId, @PathParam("kbId") String kbId) {
        return service.get(tenantId, uuid(kbId, "kbId"));
    }

    @DELETE
    @Path("/knowledge-bases/{kbId}")
    public Uni<Response> delete(@PathParam("tenantId") String tenantId, @PathParam("kbId") String kbId) {
        return service.delete(tenantId, uuid(kbId, "kbId"), Actor.of(identity))
                .map(ignored -> Response.noContent().build());
    }

    @GET
    @Path("/knowledge-bases/{kbId}/documents")
    public Uni<List<Document>> documents(@PathParam("tenantId") String tenantId, @PathParam("kbId") String kbId) {
        return service.documents(tenantId, uuid(kbId, "kbId"));
    }

    @POST
    @Path("/knowledge-bases/{kbId}/documents")
    public Uni<Response> addDocument(
            @PathParam("tenantId") String tenantId, @PathParam("kbId") String kbId, NewDocument body) {
        return service.addDocument(tenantId, uuid(kbId, "kbId"), body, Actor.of(identity))
                .map(document -> Response.status(201).entity(document).build());
    }

    @DELETE
    @Path("/knowledge-bases/{kbId}/documents/{documentId}")
    public Uni<Response> deleteDocument(
            @PathParam("tenantId") String tenantId,
            @PathParam("kbId") String kbId,
            @PathParam("documentId") String documentId) {
        return service.deleteDocument(tenantId, uuid(kbId, "kbId"), uuid(documentId, "documentId"), Actor.of(identity))
                .map(ignored -> Response.noContent().build());
    }

    /** The passages that best answer {@code q}, from every knowledge base of the tenant or only {@code kbId}. */
    @GET
    @Path("/knowledge/search")
    @RolesAllowed({"admin", PipelineRoleConfinement.ROLE})
    @PipelineAccess
    public Uni<List<Passage>> search(
            @PathParam("tenantId") String tenantId,
            @QueryParam("q") String query,
            @QueryParam("kbId") String kbId,
            @QueryParam("limit") String limit) {
        return service.search(
                tenantId,
                kbId == null || kbId.isBlank() ? null : uuid(kbId, "kbId"),
                query,
                QueryValues.integer("limit", limit, 5, 1, 20));
    }

    private static UUID uuid(String value, String field) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "must be a UUID");
        }
    }
}
