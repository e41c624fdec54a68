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

    /** The tenant's agent; the default agent when the tenant is unknown to this instance. */
    public TenantAgent forTenant(String tenantId) {
        TenantConfig tenant = tenants.byTenantId(tenantId).orElse(null);
        return new TenantAgent(
                tenantId,
                tenant == null ? null : tenant.agent(),
                null,
                question -> knowledge.relevant(tenantId, question),
                callers,
                config);
    }

    /**
     * The tenant's agent with a draft prompt and / or draft knowledge in place of its own (null keeps its own):
     * how an operator tries a change before saving it.
     */
    public TenantAgent withDrafts(TenantConfig tenant, String draftPrompt, List<String> draftKnowledge) {
        String tenantId = tenant.tenantId();
        return new TenantAgent(
                tenantId,
                tenant.agent(),
                draftPrompt,
                draftKnowledge == null
                        ? question -> knowledge.relevant(tenantId, question)
                        : question -> Uni.createFrom()
                                .item(WordOverlap.mostRelevant(
                                        draftKnowledge,
                                        question,
                                        config.knowledge().maxPassages())),
                callers,
                config);
    }
}
