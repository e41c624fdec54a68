package com.spotfunnel.voice.pipeline.tts;

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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The TTS stage, one sentence at a time. A provider failing before its first byte: the next provider speaks the
 * whole sentence. A provider whose audio breaks off mid-sentence: the next provider speaks only the words the
 * delivered audio did not cover ({@link UnspokenText}), so nothing is said twice. The tenant's voice goes to
 * the first provider of its order (voices are provider-specific); the others use their configured voice. Audio
 * that stops for longer than {@code pipeline.providers.stall.tts} mid-sentence fails with {@code stall} and the
 * next provider speaks the unspoken words. When
 * the last provider fails the stream fails with {@link StageFailedException} ({@code TTS}).
 */
@ApplicationScoped
public class TtsChain implements TtsStage {

    private final Map<String, TtsProvider> providers;
    private final int bytesPerCharacter;
    private final ProviderMetrics metrics;
    private final Duration stall;

    @jakarta.inject.Inject
    public TtsChain(
            @Any Instance<TtsProvider> providers,
            @ConfigProperty(name = "pipeline.tts.bytes-per-character", defaultValue = "480") int bytesPerCharacter,
            ProviderMetrics metrics,
            ProvidersConfig config) {
        this(
                providers.stream().toList(),
                bytesPerCharacter,
                metrics,
                config.stall().tts());
    }

    TtsChain(List<TtsProvider> providers, int bytesPerCharacter, ProviderMetrics metrics, Duration stall) {
        this.providers = ProviderChains.byName(providers, TtsProvider::name);
        this.bytesPerCharacter = bytesPerCharacter;
        this.metrics = metrics;
        this.stall = stall;
    }

    @Override
    public Multi<byte[]> speak(List<String> order, String sentence, String voice, StageListener listener) {
        List<TtsProvider> chain = ProviderChains.resolve(order, providers);
        if (chain.isEmpty()) {
            return Multi.createFrom().failure(new StageFailedException(FailureKind.TTS, "no TTS provider", null));
        }
        return attempt(chain, 0, sentence, voice, listener);
    }

    private Multi<byte[]> attempt(
            List<TtsProvider> chain, int index, String text, String voice, StageListener listener) {
        TtsProvider provider = chain.get(index);
        long[] delivered = {0};
        return metrics.timeFirst(
                        Stage.TTS, provider.name(), provider.synthesize(text, index == 0 ? voice : null), listener)
                .invoke(audio ->
                        listener.used(Stage.TTS, provider.name(), provider.model(), text.length(), "characters"))
                .onItem()
                .transformToMulti(audio -> Stalls.guard(audio, stall, provider.name()))
                .invoke(bytes -> delivered[0] += bytes.length)
                .onFailure()
                .recoverWithMulti(failure -> {
                    boolean last = index + 1 >= chain.size();
                    listener.providerFailed(new ProviderFailed(
                            Stage.TTS,
                            provider.name(),
                            ProviderException.typeOf(failure),
                            ProviderException.describe(failure),
                            last ? null : chain.get(index + 1).name()));
                    if (last) {
                        return Multi.createFrom()
                                .failure(new StageFailedException(
                                        FailureKind.TTS,
                                        "every TTS provider failed; last: " + ProviderException.describe(failure),
                                        failure));
                    }
                    String rest = UnspokenText.after(text, delivered[0], bytesPerCharacter);
                    return rest.isEmpty()
                            ? Multi.createFrom().empty()
                            : attempt(chain, index + 1, rest, voice, listener);
                });
    }
}
