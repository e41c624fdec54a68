package com.spotfunnel.voice.admin.onboarding;

import com.spotfunnel.voice.admin.audit.AuditLog;
import com.spotfunnel.voice.admin.common.HttpProblem;
import com.spotfunnel.voice.admin.config.AdminConfig;
import com.spotfunnel.voice.admin.knowledge.Chunker;
import com.spotfunnel.voice.admin.knowledge.KnowledgeRepository;
import com.spotfunnel.voice.admin.onboarding.OnboardingModels.DocumentDraft;
import com.spotfunnel.voice.admin.onboarding.OnboardingModels.KnowledgeBaseDraft;
import com.spotfunnel.voice.admin.onboarding.OnboardingModels.KnowledgeStep;
import com.spotfunnel.voice.admin.onboarding.OnboardingModels.Session;
import com.spotfunnel.voice.admin.onboarding.OnboardingModels.Start;
import com.spotfunnel.voice.admin.tenants.TenantRepository;
import com.spotfunnel.voice.admin.tenants.TenantService;
import com.spotfunnel.voice.admin.tenants.TenantSpec;
import com.spotfunnel.voice.admin.tenants.TenantValidator;
import com.spotfunnel.voice.admin.tenants.TenantView;
import com.spotfunnel.voice.support.problem.InvalidInputException;
import com.spotfunnel.voice.support.problem.Problem.FieldError;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Onboarding a tenant: start (id, name, industry) → steps (agent, knowledge, telephony), each validated when
 * saved and savable again → complete, which re-validates everything and creates the tenant, its numbers and its
 * knowledge bases in one transaction (then publishes the tenant). A session untouched for
 * {@code admin.onboarding.ttl} expires (410).
 */
@ApplicationScoped
public class OnboardingService {

    private final Pool pool;
    private final OnboardingRepository sessions;
    private final TenantValidator validator;
    private final TenantService tenantService;
    private final TenantRepository tenants;
    private final KnowledgeRepository knowledge;
    private final AuditLog audit;
    private final AdminConfig config;

    public OnboardingService(
            Pool pool,
            OnboardingRepository sessions,
            TenantValidator validator,
            TenantService tenantService,
            TenantRepository tenants,
            KnowledgeRepository knowledge,
            AuditLog audit,
            AdminConfig config) {
        this.pool = pool;
        this.sessions = sessions;
        this.validator = validator;
        this.tenantService = tenantService;
        this.tenants = tenants;
        this.knowledge = knowledge;
        this.audit = audit;
        this.config = config;
    }

    public Uni<Session> start(Start start, String actor) {
        if (start == null) {
            throw new InvalidInputException("body", "is required");
        }
        validator.basics(start.tenantId(), start.name(), start.industry());
        UUID id = UUID.randomUUID();
        return pool.withTransaction(conn -> tenants.find(conn, start.tenantId())
                        .invoke(existing -> {
                            if (existing.isPresent()) {
                                throw HttpProblem.conflict(
                                        "tenantId", "tenant " + start.tenantId() + " already exists");
                            }
                        })
                        .call(() -> sessions.insert(
                                conn, id, actor, start, config.onboarding().ttl()))
                        .call(() -> audit.recordOther(
                                conn,
                                actor,
                                "onboarding.started",
                                start.tenantId(),
                                null,
                                JsonObject.of("sessionId", id.toString()))))
                .flatMap(ignored -> get(id));
    }

    public Uni<List<Session>> open() {
        return sessions.open(pool);
    }

    public Uni<Session> get(UUID id) {
        return sessions.find(pool, id, false).map(found -> found.orElseThrow(() -> notFound(id)));
    }

    public Uni<Session> saveAgent(UUID id, TenantSpec.AgentSpec agent) {
        validator.agentOnly(agent);
        return saveStep(id, "agent", JsonObject.mapFrom(agent));
    }

    public Uni<Session> saveKnowledge(UUID id, KnowledgeStep step) {
        validateKnowledge(step);
        return saveStep(id, "knowledge", JsonObject.mapFrom(step));
    }

    public Uni<Session> saveTelephony(UUID id, OnboardingModels.TelephonyStep step) {
        List<String> numbers = validator.phoneNumbers(step == null ? null : step.phoneNumbers(), "phoneNumbers");
        return pool.withTransaction(conn -> lockOpen(conn, id)
                        .call(session -> tenantService.ensureNumbersFree(conn, numbers, "phoneNumbers"))
                        .call(session -> sessions.saveStep(
                                conn,
                                id,
                                "phone_numbers",
                                numbers.toArray(new String[0]),
                                config.onboarding().ttl())))
                .flatMap(ignored -> get(id));
    }

    /** Creates the tenant; 400 naming each required step that is not done. */
    public Uni<TenantView> complete(UUID id, String actor) {
        return pool.withTransaction(conn -> lockOpen(conn, id).flatMap(session -> {
                    List<FieldError> missing = new ArrayList<>();
                    if (session.agent() == null) {
                        missing.add(new FieldError("agent", "step not done yet"));
                    }
                    if (session.phoneNumbers() == null) {
                        missing.add(new FieldError("telephony", "step not done yet"));
                    }
                    if (!missing.isEmpty()) {
                        throw new InvalidInputException(missing);
                    }
                    TenantValidator.ValidTenant tenant = validator.forCreate(new TenantSpec(
                            session.tenantId(),
                            session.name(),
                            session.industry(),
                            true,
                            session.agent(),
                            session.phoneNumbers()));
                    return tenantService
                            .createIn(conn, tenant, actor, "tenant.onboarded")
                            .call(created -> createKnowledge(conn, session))
                            .call(created -> sessions.complete(conn, id));
                }))
                .invoke(tenantService::published)
                .map(TenantView::of);
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> expireAbandoned() {
        return sessions.expireAbandoned(pool).onFailure().recoverWithItem(0).replaceWithVoid();
    }

    private Uni<Session> saveStep(UUID id, String column, JsonObject value) {
        return pool.withTransaction(conn -> lockOpen(conn, id)
                        .call(session -> sessions.saveStep(
                                conn, id, column, value, config.onboarding().ttl())))
                .flatMap(ignored -> get(id));
    }

    private Uni<Session> lockOpen(SqlClient conn, UUID id) {
        return sessions.find(conn, id, true).map(found -> {
            Session session = found.orElseThrow(() -> notFound(id));
            if ("expired".equals(session.status())) {
                throw new HttpProblem(410, "Gone", "onboarding session " + id + " expired; start again", null);
            }
            if ("completed".equals(session.status())) {
                throw HttpProblem.conflict(null, "onboarding session " + id + " is already completed");
            }
            return session;
        });
    }

    private Uni<Void> createKnowledge(SqlClient conn, Session session) {
        if (session.knowledge() == null || session.knowledge().knowledgeBases() == null) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom()
                .iterable(session.knowledge().knowledgeBases())
                .onItem()
                .transformToUniAndConcatenate(kb -> {
                    UUID kbId = UUID.randomUUID();
                    List<DocumentDraft> documents = kb.documents() == null ? List.of() : kb.documents();
                    return knowledge
                            .insertBase(
                                    conn, kbId, session.tenantId(), kb.name().strip(), kb.description())
                            .call(() -> Multi.createFrom()
                                    .iterable(documents)
                                    .onItem()
                                    .transformToUniAndConcatenate(doc -> knowledge.insertDocument(
                                            conn,
                                            UUID.randomUUID(),
                                            kbId,
                                            session.tenantId(),
                                            doc.title().strip(),
                                            doc.content().length(),
                                            Chunker.split(
                                                    doc.content(),
                                                    config.knowledge().chunkChars())))
                                    .collect()
                                    .asList());
                })
                .collect()
                .asList()
                .replaceWithVoid();
    }

    private void validateKnowledge(KnowledgeStep step) {
        List<FieldError> errors = new ArrayList<>();
        if (step == null || step.knowledgeBases() == null) {
            throw new InvalidInputException("knowledgeBases", "is required (an empty list skips the step)");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < step.knowledgeBases().size(); i++) {
            KnowledgeBaseDraft kb = step.knowledgeBases().get(i);
            String field = "knowledgeBases[" + i + "]";
            if (kb == null
                    || kb.name() == null
                    || kb.name().isBlank()
                    || kb.name().length() > 200) {
                errors.add(new FieldError(field + ".name", "is required, at most 200 characters"));
            } else if (!names.add(kb.name().strip())) {
                errors.add(new FieldError(field + ".name", "is used twice"));
            }
            List<DocumentDraft> documents = kb == null || kb.documents() == null ? List.of() : kb.documents();
            for (int j = 0; j < documents.size(); j++) {
                DocumentDraft doc = documents.get(j);
                String docField = field + ".documents[" + j + "]";
                if (doc == null
                        || doc.title() == null
                        || doc.title().isBlank()
                        || doc.title().length() > 200) {
                    errors.add(new FieldError(docField + ".title", "is required, at most 200 characters"));
                }
                if (doc == null
                        || doc.content() == null
                        || doc.content().isBlank()
                        || doc.content().length() > config.knowledge().maxDocumentChars()) {
                    errors.add(new FieldError(
                            docField + ".content",
                            "is required, at most " + config.knowledge().maxDocumentChars() + " characters"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static HttpProblem notFound(UUID id) {
        return HttpProblem.notFound("onboarding session " + id);
    }
}
