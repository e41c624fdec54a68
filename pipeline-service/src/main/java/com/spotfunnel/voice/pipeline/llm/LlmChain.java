package com.spotfunnel.voice.pipeline.llm;

import com.spotfunnel.voice.events.payload.FailureKind;
import com.spotfunnel.voice.events.payload.Stage;
import com.spotfunnel.voice.pipeline.config.ProvidersConfig;
import com.spotfunnel.voice.pipeline.provider.FallbackEngine;
import com.spotfunnel.voice.pipeline.provider.ProviderAvailability;
import com.spotfunnel.voice.pipeline.provider.ProviderMetrics;
import com.spotfunnel.voice.pipeline.provider.StageListener;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;

/**
 * The LLM stage: the {@link FallbackEngine} over the LLM providers with {@link LlmResume} (a provider that dies
 * mid-answer is continued by the next from the text so far). Token usage goes to the call's listener as each
 * provider reports it. A stall between tokens longer than {@code pipeline.providers.stall.llm} counts as a failure.
 */
@ApplicationScoped
public class LlmChain implements LlmStage {

    private final FallbackEngine<LlmProvider, LlmRequest, LlmEvent> engine;

    @Inject
    public LlmChain(
            @Any Instance<LlmProvider> providers,
            ProviderMetrics metrics,
            ProvidersConfig config,
            ProviderAvailability availability) {
        this(providers.stream().toList(), metrics, config.stall().llm(), availability);
    }

    LlmChain(List<LlmProvider> providers, ProviderMetrics metrics, Duration stall, ProviderAvailability availability) {
        this.engine = new FallbackEngine<>(
                Stage.LLM,
                FailureKind.LLM,
                providers,
                LlmProvider::name,
                LlmProvider::model,
                (provider, request, attempt, listener) -> provider.stream(request),
                (provider, request) -> provider.stream(request)
                        .onItem()
                        .transformToUni(events -> events.collect().last()),
                stall,
                availability,
                metrics);
    }

    @Override
    public Multi<String> stream(List<String> order, LlmRequest request, StageListener listener) {
        return engine.run(order, request, new LlmResume(listener), listener)
                .onItem()
                .transformToIterable(event ->
                        event instanceof LlmEvent.Delta delta && !delta.text().isEmpty()
                                ? List.of(delta.text())
                                : List.<String>of());
    }
}
