package com.spotfunnel.voice.pipeline.stt;

import com.spotfunnel.voice.events.payload.FailureKind;
import com.spotfunnel.voice.events.payload.Stage;
import com.spotfunnel.voice.pipeline.provider.FallbackEngine;
import com.spotfunnel.voice.pipeline.provider.ProviderAvailability;
import com.spotfunnel.voice.pipeline.provider.ProviderMetrics;
import com.spotfunnel.voice.pipeline.provider.StageListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The STT stage: the {@link FallbackEngine} over the STT providers, one {@link FailoverSttSession} per call. Its
 * resume policy: a stream that breaks is replaced by the next provider, which hears the caller from then on. No
 * stall deadline (a caller may be silent for a while); the probe of an unavailable provider opens and closes a
 * stream.
 */
@ApplicationScoped
public class SttChain implements SttStage {

    private final FallbackEngine<SttProvider, FailoverSttSession, SttEvent> engine;

    @Inject
    public SttChain(@Any Instance<SttProvider> providers, ProviderMetrics metrics, ProviderAvailability availability) {
        this(providers.stream().toList(), metrics, availability);
    }

    public SttChain(List<SttProvider> providers, ProviderMetrics metrics, ProviderAvailability availability) {
        this.engine = new FallbackEngine<>(
                Stage.STT,
                FailureKind.STT,
                providers,
                SttProvider::name,
                SttProvider::model,
                (provider, session, attempt, listener) -> session.connect(provider),
                (provider, session) -> provider.open(FailoverSttSession.DEAF).invoke(SttSession::close),
                null,
                availability,
                metrics);
    }

    @Override
    public Session open(List<String> order, SttListener listener, StageListener stage) {
        FailoverSttSession session = new FailoverSttSession(listener);
        session.start(engine.run(order, session, session.resumePolicy(), stage));
        return session;
    }
}
