package com.spotfunnel.voice.pipeline.llm;

import com.spotfunnel.voice.events.payload.FailureKind;
import com.spotfunnel.voice.events.payload.ProviderFailed;
import com.spotfunnel.voice.events.payload.Stage;
import com.spotfunnel.voice.pipeline.config.ProvidersConfig;
import com.spotfunnel.voice.pipeline.provider.ProviderChains;
import com.spotfunnel.voice.pipeline.provider.ProviderException;
import com.spotfunnel.voice.pipeline.provider.ProviderMetrics;
import com.spotfunnel.voice.pipeline.provider.StageFailedException;
import com.spotfunnel.voice.pipeline.provider.StageListener;
import com.spotfunnel.voice.pipeline.provider.Stalls;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The LLM stage: the providers of the call's order, each behind its own guards, first one first.
 * <p>
 * Before the first token a failure (error, timeout, open breaker) simply moves on to the next provider with
 * the same request. After tokens were produced, the text produced so far is kept (it is already on its way to
 * the caller) and the next provider is asked to continue the answer from exactly there; a
 * {@link ContinuationFilter} drops a restarted answer. When the last provider fails the stream fails with
 * {@link StageFailedException} ({@code LLM}). A stream that stalls between tokens for longer than
 * {@code pipeline.providers.stall.llm} fails with {@code stall} and is continued the same way.
 */
@ApplicationScoped
public class LlmChain implements LlmStage {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(LlmChain.class);

    private final Map<String, LlmProvider> providers;
    private final ProviderMetrics metrics;
    private final Duration stall;

    public LlmChain(@Any Instance<LlmProvider> providers, ProviderMetrics metrics, ProvidersConfig config) {
        this.providers = ProviderChains.byName(providers.stream().toList(), LlmProvider::name);
        this.metrics = metrics;
        this.stall = config.stall().llm();
    }

    @Override
    public Multi<String> stream(List<String> order, LlmRequest request, StageListener listener) {
        List<LlmProvider> chain = ProviderChains.resolve(order, providers);
        if (chain.isEmpty()) {
            return Multi.createFrom().failure(new StageFailedException(FailureKind.LLM, "no LLM provider", null));
        }
        return attempt(chain, 0, request, new StringBuilder(), listener);
    }

    private Multi<String> attempt(
            List<LlmProvider> chain, int index, LlmRequest original, StringBuilder produced, StageListener listener) {
        LlmProvider provider = chain.get(index);
        boolean continuing = produced.length() > 0;
        LlmRequest request = continuing ? original.continuing(produced.toString()) : original;
        ContinuationFilter filter = new ContinuationFilter(continuing ? produced.toString() : "");
        int[] ownChars = {0};
        LOG.debugf("LLM attempt with %s (continuing: %s)", provider.name(), continuing);
        boolean[] usageSeen = {false};
        return metrics.timeFirst(Stage.LLM, provider.name(), provider.stream(request), listener)
                .onItem()
                .transformToMulti(events -> Stalls.guard(events, stall, provider.name()))
                .onItem()
                .transform(event -> {
                    if (event instanceof LlmEvent.Usage usage) {
                        usageSeen[0] = true;
                        listener.used(
                                Stage.LLM, usage.provider(), usage.model(), usage.promptTokens(), "prompt_tokens");
                        listener.used(
                                Stage.LLM,
                                usage.provider(),
                                usage.model(),
                                usage.completionTokens(),
                                "completion_tokens");
                        return "";
                    }
                    String text = filter.accept(((LlmEvent.Delta) event).text());
                    produced.append(text);
                    ownChars[0] += text.length();
                    return text;
                })
                .onCompletion()
                .switchTo(() -> {
                    String rest = filter.flush();
                    produced.append(rest);
                    return Multi.createFrom().item(rest);
                })
                .filter(text -> !text.isEmpty())
                .onFailure()
                .recoverWithMulti(failure -> {
                    if (ownChars[0] > 0 && !usageSeen[0]) {
                        listener.used(
                                Stage.LLM,
                                provider.name(),
                                provider.model(),
                                request.estimatedPromptTokens(),
                                "prompt_tokens");
                        listener.used(
                                Stage.LLM,
                                provider.name(),
                                provider.model(),
                                Math.max(1, ownChars[0] / 4),
                                "completion_tokens");
                    }
                    boolean last = index + 1 >= chain.size();
                    listener.providerFailed(new ProviderFailed(
                            Stage.LLM,
                            provider.name(),
                            ProviderException.typeOf(failure),
                            ProviderException.describe(failure),
                            last ? null : chain.get(index + 1).name()));
                    if (last) {
                        return Multi.createFrom()
                                .failure(new StageFailedException(
                                        FailureKind.LLM,
                                        "every LLM provider failed; last: " + ProviderException.describe(failure),
                                        failure));
                    }
                    return attempt(chain, index + 1, original, produced, listener);
                });
    }
}
