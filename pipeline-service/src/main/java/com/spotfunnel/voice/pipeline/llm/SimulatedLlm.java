package com.spotfunnel.voice.pipeline.llm;

import com.spotfunnel.voice.pipeline.analysis.CallAnalyzer;
import com.spotfunnel.voice.pipeline.config.ProvidersConfig;
import com.spotfunnel.voice.pipeline.provider.Simulation;
import com.spotfunnel.voice.pipeline.stress.CallerPersona;
import com.spotfunnel.voice.pipeline.stress.Judge;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * A deterministic LLM for the local stack, load tests and fault drills ({@code simulated}): it answers from the
 * system prompt (the tenant's prompt and its knowledge lines) and the caller's last words, word by word; asked
 * for the post-call analysis, it answers valid JSON ({@link SimulatedAnalysis}); asked to play a stress test's
 * caller persona or judge, it plays them ({@link SimulatedStressRoles}).
 */
@ApplicationScoped
public class SimulatedLlm implements LlmProvider {

    private final ProvidersConfig.Simulated.Llm config;

    public SimulatedLlm(ProvidersConfig providers) {
        this.config = providers.simulated().llm();
    }

    @Override
    public String name() {
        return "simulated";
    }

    @Override
    public String model() {
        return "simulated";
    }

    @Override
    @NonBlocking
    @Timeout(5000)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5_000, successThreshold = 1)
    @CircuitBreakerName("simulated-llm")
    public Uni<Multi<LlmEvent>> stream(LlmRequest request) {
        String answer = request.systemPrompt().equals(CallAnalyzer.INSTRUCTIONS)
                ? SimulatedAnalysis.of(request.lastUserText())
                : answer(request);
        List<LlmEvent> events = new ArrayList<>();
        for (String word : answer.split("(?<= )")) {
            events.add(new LlmEvent.Delta(word));
        }
        events.add(new LlmEvent.Usage(
                name(), model(), request.estimatedPromptTokens(), Math.max(1, answer.length() / 4), true));
        return Simulation.delayOrFail(
                name(),
                config.latency(),
                config.failureRate(),
                Multi.createFrom().iterable(events));
    }

    static String answer(LlmRequest request) {
        if (request.systemPrompt().startsWith(CallerPersona.ROLE)) {
            return SimulatedStressRoles.callerLine(request);
        }
        if (request.systemPrompt().startsWith(Judge.ROLE)) {
            return SimulatedStressRoles.verdict(request);
        }
        String knowledge = request.systemPrompt()
                .lines()
                .filter(line -> line.startsWith("- "))
                .map(line -> line.substring(2).strip())
                .findFirst()
                .orElse(null);
        String heard = request.lastUserText().strip();
        StringBuilder answer = new StringBuilder("You asked: ").append(heard.isEmpty() ? "nothing" : heard);
        if (!heard.endsWith(".") && !heard.endsWith("?") && !heard.endsWith("!")) {
            answer.append('.');
        }
        answer.append(' ');
        if (knowledge != null) {
            answer.append(knowledge.endsWith(".") ? knowledge : knowledge + ".").append(' ');
        }
        return answer.append("Is there anything else I can help you with?").toString();
    }
}
