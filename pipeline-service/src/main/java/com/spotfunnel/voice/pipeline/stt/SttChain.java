package com.spotfunnel.voice.pipeline.stt;

import com.spotfunnel.voice.events.payload.FailureKind;
import com.spotfunnel.voice.events.payload.ProviderFailed;
import com.spotfunnel.voice.events.payload.Stage;
import com.spotfunnel.voice.pipeline.provider.ProviderChains;
import com.spotfunnel.voice.pipeline.provider.ProviderException;
import com.spotfunnel.voice.pipeline.provider.ProviderMetrics;
import com.spotfunnel.voice.pipeline.provider.StageFailedException;
import com.spotfunnel.voice.pipeline.provider.StageListener;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.Map;

/**
 * The STT stage: opens the first provider of the order that answers. A session that breaks later is reopened
 * by the conversation through {@link #open} with the providers after the broken one.
 */
@ApplicationScoped
public class SttChain implements SttStage {

    private final Map<String, SttProvider> providers;
    private final ProviderMetrics metrics;

    public SttChain(@Any Instance<SttProvider> providers, ProviderMetrics metrics) {
        this.providers = ProviderChains.byName(providers.stream().toList(), SttProvider::name);
        this.metrics = metrics;
    }

    @Override
    public List<SttProvider> resolve(List<String> order) {
        return ProviderChains.resolve(order, providers);
    }

    @Override
    public Uni<Opened> open(List<SttProvider> chain, SttListener listener, StageListener stage) {
        if (chain.isEmpty()) {
            return Uni.createFrom().failure(new StageFailedException(FailureKind.STT, "no STT provider left", null));
        }
        SttProvider provider = chain.get(0);
        List<SttProvider> rest = chain.subList(1, chain.size());
        return metrics.timeFirst(Stage.STT, provider.name(), provider.open(listener), stage)
                .map(session -> new Opened(provider, session, rest))
                .onFailure()
                .recoverWithUni(failure -> {
                    stage.providerFailed(new ProviderFailed(
                            Stage.STT,
                            provider.name(),
                            ProviderException.typeOf(failure),
                            ProviderException.describe(failure),
                            rest.isEmpty() ? null : rest.get(0).name()));
                    if (rest.isEmpty()) {
                        return Uni.createFrom()
                                .failure(new StageFailedException(
                                        FailureKind.STT,
                                        "every STT provider failed; last: " + ProviderException.describe(failure),
                                        failure));
                    }
                    return open(rest, listener, stage);
                });
    }
}
