package com.spotfunnel.voice.admin.knowledge;

import com.spotfunnel.voice.admin.audit.AuditLog;
import com.spotfunnel.voice.admin.common.HttpProblem;
import com.spotfunnel.voice.admin.config.AdminConfig;
import com.spotfunnel.voice.admin.knowledge.KnowledgeModels.Document;
import com.spotfunnel.voice.admin.knowledge.KnowledgeModels.KnowledgeBase;
import com.spotfunnel.voice.admin.knowledge.KnowledgeModels.NewDocument;
import com.spotfunnel.voice.admin.knowledge.KnowledgeModels.NewKnowledgeBase;
import com.spotfunnel.voice.admin.knowledge.KnowledgeModels.Passage;
import com.spotfunnel.voice.admin.tenants.TenantRepository;
import com.spotfunnel.voice.support.postgres.PgErrors;
import com.spotfunnel.voice.support.problem.InvalidInputException;
import com.spotfunnel.voice.support.problem.Problem.FieldError;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Knowledge bases and their documents; every change is audited against the tenant. */
@ApplicationScoped
public class KnowledgeService {

    private final Pool pool;
    private final KnowledgeRepository repository;
    private final TenantRepository tenants;
    private final AuditLog audit;
    private final AdminConfig config;

    public KnowledgeService(
            Pool pool, KnowledgeRepository repository, TenantRepository tenants, AuditLog audit, AdminConfig config) {
        this.pool = pool;
        this.repository = repository;
        this.tenants = tenants;
        this.audit = audit;
        this.config = config;
    }

    public Uni<KnowledgeBase> create(String tenantId, NewKnowledgeBase body, String actor) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null || body.name() == null || body.name().isBlank()) {
            errors.add(new FieldError("name", "is required"));
        } else if (body.name().length() > 200) {
            errors.add(new FieldError("name", "must be at most 200 characters"));
        }
        if (body != null && body.description() != null && body.description().length() > 2000) {
            errors.add(new FieldError("description", "must be at most 2000 characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        UUID id = UUID.randomUUID();
        return pool.withTransaction(conn -> requireTenant(conn, tenantId)
                        .call(() -> repository.insertBase(
                                conn, id, tenantId, body.name().strip(), body.description()))
                        .call(() -> audit.recordOther(
                                conn,
                                actor,
                                "knowledge-base.created",
                                tenantId,
                                null,
                                io.vertx.core.json.JsonObject.of(
                                        "knowledgeBaseId", id.toString(), "name", body.name()))))
                .onFailure(PgErrors::isUniqueViolation)
                .transform(e -> HttpProblem.conflict("name", "the tenant already has a knowledge base with this name"))
                .flatMap(ignored -> get(tenantId, id));
    }

    public Uni<List<KnowledgeBase>> list(String tenantId) {
        return requireTenant(pool, tenantId).flatMap(ignored -> repository.bases(pool, tenantId));
    }

    public Uni<KnowledgeBase> get(String tenantId, UUID kbId) {
        return repository.base(pool, tenantId, kbId).map(found -> found.orElseThrow(() -> notFound(kbId)));
    }

    public Uni<Void> delete(String tenantId, UUID kbId, String actor) {
        return pool.withTransaction(conn -> repository
                .deleteBase(conn, tenantId, kbId)
                .invoke(count -> {
                    if (count == 0) {
                        throw notFound(kbId);
                    }
                })
                .call(() -> audit.recordOther(
                        conn,
                        actor,
                        "knowledge-base.deleted",
                        tenantId,
                        io.vertx.core.json.JsonObject.of("knowledgeBaseId", kbId.toString()),
                        null))
                .replaceWithVoid());
    }

    public Uni<Document> addDocument(String tenantId, UUID kbId, NewDocument body, String actor) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null || body.title() == null || body.title().isBlank()) {
            errors.add(new FieldError("title", "is required"));
        } else if (body.title().length() > 200) {
            errors.add(new FieldError("title", "must be at most 200 characters"));
        }
        if (body == null || body.content() == null || body.content().isBlank()) {
            errors.add(new FieldError("content", "is required"));
        } else if (body.content().length() > config.knowledge().maxDocumentChars()) {
            errors.add(new FieldError(
                    "content", "must be at most " + config.knowledge().maxDocumentChars() + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        UUID id = UUID.randomUUID();
        List<String> chunks = Chunker.split(body.content(), config.knowledge().chunkChars());
        return pool.withTransaction(conn -> repository
                        .base(conn, tenantId, kbId)
                        .invoke(found -> found.orElseThrow(() -> notFound(kbId)))
                        .call(() -> repository.insertDocument(
                                conn,
                                id,
                                kbId,
                                tenantId,
                                body.title().strip(),
                                body.content().length(),
                                chunks))
                        .call(() -> audit.recordOther(
                                conn,
                                actor,
                                "knowledge-document.added",
                                tenantId,
                                null,
                                io.vertx.core.json.JsonObject.of(
                                        "knowledgeBaseId",
                                        kbId.toString(),
                                        "documentId",
                                        id.toString(),
                                        "title",
                                        body.title(),
                                        "chunks",
                                        chunks.size()))))
                .flatMap(ignored -> repository.documents(pool, kbId))
                .map(documents -> documents.stream()
                        .filter(d -> d.id().equals(id))
                        .findFirst()
                        .orElseThrow());
    }

    public Uni<List<Document>> documents(String tenantId, UUID kbId) {
        return get(tenantId, kbId).flatMap(kb -> repository.documents(pool, kbId));
    }

    public Uni<Void> deleteDocument(String tenantId, UUID kbId, UUID documentId, String actor) {
        return pool.withTransaction(conn -> repository
                .base(conn, tenantId, kbId)
                .invoke(found -> found.orElseThrow(() -> notFound(kbId)))
                .flatMap(kb -> repository.deleteDocument(conn, kbId, documentId))
                .invoke(count -> {
                    if (count == 0) {
                        throw HttpProblem.notFound("document " + documentId);
                    }
                })
                .call(() -> audit.recordOther(
                        conn,
                        actor,
                        "knowledge-document.deleted",
                        tenantId,
                        io.vertx.core.json.JsonObject.of(
                                "knowledgeBaseId", kbId.toString(), "documentId", documentId.toString()),
                        null))
                .replaceWithVoid());
    }

    public Uni<List<Passage>> search(String tenantId, UUID kbId, String query, int limit) {
        if (query == null || query.isBlank()) {
            throw new InvalidInputException("q", "is required");
        }
        if (query.length() > 500) {
            throw new InvalidInputException("q", "must be at most 500 characters");
        }
        if (limit < 1 || limit > 20) {
            throw new InvalidInputException("limit", "must be between 1 and 20");
        }
        return repository.search(pool, tenantId, kbId, query, limit);
    }

    private Uni<Void> requireTenant(SqlClient sql, String tenantId) {
        return tenants.find(sql, tenantId)
                .invoke(found -> {
                    if (found.isEmpty()) {
                        throw HttpProblem.notFound("tenant " + tenantId);
                    }
                })
                .replaceWithVoid();
    }

    private static HttpProblem notFound(UUID kbId) {
        return HttpProblem.notFound("knowledge base " + kbId);
    }
}
