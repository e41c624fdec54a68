package com.spotfunnel.voice.pipeline.stress;

import com.spotfunnel.voice.events.stress.PersonaSpec;
import com.spotfunnel.voice.events.stress.StressTestRequest;
import com.spotfunnel.voice.events.stress.StressTestRules;
import com.spotfunnel.voice.events.tenant.TenantConfig;
import com.spotfunnel.voice.pipeline.config.PipelineConfig;
import com.spotfunnel.voice.pipeline.conversation.TenantAgent;
import com.spotfunnel.voice.pipeline.conversation.TenantAgents;
import com.spotfunnel.voice.pipeline.cost.PriceTable;
import com.spotfunnel.voice.pipeline.llm.LlmChain;
import io.smallrye.mutiny.Multi;
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

    /** The run, started; empty when this instance does not know the tenant (its config was not published yet). */
    public Optional<StressRun> start(StressTestRequest request) {
        TenantConfig tenant = agents.tenant(request.tenantId()).orElse(null);
        if (tenant == null) {
            return Optional.empty();
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
        runs.add(run);
        LOG.infof(
                "Stress test %s for tenant %s: %d conversations, %d personas",
                run.id(), tenant.tenantId(), total, personas.size());
        Multi.createFrom()
                .range(0, total)
                .onItem()
                .transformToUni(i -> {
                    ConversationCosts costs = new ConversationCosts(prices);
                    return new StressConversation(i, personas.get(i % personas.size()), setup, costs)
                            .run()
                            .invoke(result -> run.finished(result, costs));
                })
                .merge(settings.concurrency())
                .subscribe()
                .with(
                        ignored -> {},
                        failure -> {
                            LOG.errorf(failure, "Stress test %s stopped early", run.id());
                            run.complete();
                        },
                        () -> {
                            run.complete();
                            var summary = run.view().summary();
                            LOG.infof("Stress test %s finished: %s%% passed", run.id(), summary.passRate());
                        });
        return Optional.of(run);
    }

    public Optional<StressRun> get(String id) {
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
