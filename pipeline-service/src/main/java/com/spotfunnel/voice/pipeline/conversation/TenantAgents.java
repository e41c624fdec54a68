package com.spotfunnel.voice.pipeline.conversation;

import com.spotfunnel.voice.events.tenant.TenantConfig;
import com.spotfunnel.voice.events.tenant.TenantRegistry;
import com.spotfunnel.voice.pipeline.analysis.CallerMemory;
import com.spotfunnel.voice.pipeline.config.PipelineConfig;
import com.spotfunnel.voice.pipeline.knowledge.KnowledgeBase;
import com.spotfunnel.voice.pipeline.knowledge.WordOverlap;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Builds the {@link TenantAgent} of a tenant from its current config (the in-memory tenant registry). */
@ApplicationScoped
public class TenantAgents {

    private final TenantRegistry tenants;
    private final KnowledgeBase knowledge;
    private final CallerMemory callers;
    private final PipelineConfig config;

    public TenantAgents(TenantRegistry tenants, KnowledgeBase knowledge, CallerMemory callers, PipelineConfig config) {
        this.tenants = tenants;
        this.knowledge = knowledge;
        this.callers = callers;
        this.config = config;
    }

    public Optional<TenantConfig> tenant(String tenantId) {
        return tenants.byTenantId(tenantId);
    }

    /**
     * The tenant's agent for one call (the default agent when the tenant is unknown to this instance), with the
     * caller's history already being fetched: it runs while the greeting plays and is waited for, within the
     * budget counted from now, only by the first answer.
     */
    public TenantAgent forCall(String tenantId, String callerPhone) {
        TenantConfig tenant = tenants.byTenantId(tenantId).orElse(null);
        Uni<Optional<String>> history =
                callers.recall(tenantId, callerPhone).memoize().indefinitely();
        history.subscribe().with(ignored -> {}, ignored -> {});
        return new TenantAgent(
                tenant == null ? null : tenant.agent(),
                null,
                question -> knowledge.relevant(tenantId, question),
                history,
                config);
    }

    /**
     * The tenant's agent with a draft prompt and / or draft knowledge in place of its own (null keeps its own):
     * how an operator tries a change before saving it.
     */
    public TenantAgent withDrafts(TenantConfig tenant, String draftPrompt, List<String> draftKnowledge) {
        String tenantId = tenant.tenantId();
        return new TenantAgent(
                tenant.agent(),
                draftPrompt,
                draftKnowledge == null
                        ? question -> knowledge.relevant(tenantId, question)
                        : question -> Uni.createFrom()
                                .item(WordOverlap.mostRelevant(
                                        draftKnowledge,
                                        question,
                                        config.knowledge().maxPassages())),
                Uni.createFrom().item(Optional.empty()),
                config);
    }
}
