package com.spotfunnel.voice.pipeline.stress;

import com.spotfunnel.voice.events.stress.PersonaSpec;
import com.spotfunnel.voice.events.stress.StressTestRequest;
import com.spotfunnel.voice.events.stress.StressTestRules;
import com.spotfunnel.voice.events.stress.StressTestRun;
import com.spotfunnel.voice.events.tenant.TenantConfig;
import com.spotfunnel.voice.pipeline.config.PipelineConfig;
import com.spotfunnel.voice.pipeline.conversation.TenantAgent;
import com.spotfunnel.voice.pipeline.conversation.TenantAgents;
import com.spotfunnel.voice.pipeline.cost.PriceTable;
import com.spotfunnel.voice.pipeline.llm.LlmChain;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Starts stress-test runs in the background: N conversations, at most {@code pipeline.stress-test.concurrency} at
 * a time, each through {@link StressConversation}; the run's progress grows as each one is judged.
 */
@ApplicationScoped
public class StressTestService {

    private static final Logger LOG = Logger.getLogger(StressTestService.class);

    private final TenantAgents agents;
    private final LlmChain llm;
    private final PriceTable prices;
    private final StressRuns runs;
    private final PipelineConfig config;

    public StressTestService(
            TenantAgents agents, LlmChain llm, PriceTable prices, StressRuns runs, PipelineConfig config) {
        this.agents = agents;
        this.llm = llm;
        this.prices = prices;
        this.runs = runs;
        this.config = config;
    }

    public List<StressTestRules.Violation> check(StressTestRequest request) {
        var settings = config.stressTest();
        return StressTestRules.check(
                request, settings.maxConversations(), settings.maxTurnsLimit(), StressTestRules.MAX_KNOWLEDGE_CHARS);
    }

    /**
     * The run, stored and started; empty when this instance does not know the tenant (its config was not published
     * yet).
     */
    public Uni<Optional<StressRun>> start(StressTestRequest request) {
        TenantConfig tenant = agents.tenant(request.tenantId()).orElse(null);
        if (tenant == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        var settings = config.stressTest();
        TenantAgent agent = agents.withDrafts(tenant, request.systemPrompt(), facts(request.knowledgeBase()));
        List<String> defaultOrder = config.defaultProviders().llm();
        StressConversation.Setup setup = new StressConversation.Setup(
                agent,
                tenant.name(),
                request.industry() != null && !request.industry().isBlank() ? request.industry() : tenant.industry(),
                request.maxTurns() != null ? request.maxTurns() : settings.defaultMaxTurns(),
                settings.personaProviders().orElse(defaultOrder),
                settings.judgeProviders().orElse(defaultOrder),
                settings.minScore(),
                settings.conversationTimeout(),
                llm);
        List<PersonaSpec> personas = Personas.resolve(request.personas());
        int total = request.numConversations();
        StressRun run = new StressRun(
                UUID.randomUUID().toString(),
                tenant.tenantId(),
                total,
                settings.launchBarPercent(),
                settings.targetDuration());
        return runs.add(run).invoke(() -> launch(run, setup, personas)).map(stored -> Optional.of(run));
    }

    private void launch(StressRun run, StressConversation.Setup setup, List<PersonaSpec> personas) {
        var settings = config.stressTest();
        int total = run.view().progress().total();
        String tenantId = run.view().tenantId();
        LOG.infof(
                "Stress test %s for tenant %s: %d conversations, %d personas",
                run.id(), tenantId, total, personas.size());
        Multi.createFrom()
                .range(0, total)
                .onItem()
                .transformToUni(i -> {
                    ConversationCosts costs = new ConversationCosts(prices);
                    return new StressConversation(i, personas.get(i % personas.size()), setup, costs)
                            .run()
                            .invoke(result -> run.finished(result, costs))
                            .call(() -> runs.update(run));
                })
                .merge(settings.concurrency())
                .subscribe()
                .with(
                        ignored -> {},
                        failure -> {
                            LOG.errorf(failure, "Stress test %s stopped early", run.id());
                            run.complete();
                            runs.update(run).subscribe().with(ignored -> {});
                        },
                        () -> {
                            run.complete();
                            var summary = run.view().summary();
                            LOG.infof("Stress test %s finished: %s%% passed", run.id(), summary.passRate());
                            runs.update(run).subscribe().with(ignored -> {});
                        });
    }

    /** The run as stored: the same answer on every pipeline pod. */
    public Uni<Optional<StressTestRun>> get(String id) {
        return runs.get(id);
    }

    /** Draft knowledge: one fact per line or sentence; null = the tenant's own. */
    static List<String> facts(String knowledgeBase) {
        if (knowledgeBase == null || knowledgeBase.isBlank()) {
            return null;
        }
        return Arrays.stream(knowledgeBase.split("\\R+|(?<=[.!?])\\s+"))
                .map(String::strip)
                .filter(fact -> !fact.isEmpty())
                .toList();
    }
}
