package com.spotfunnel.voice.pipeline.tts;

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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The TTS stage, one sentence at a time: the {@link FallbackEngine} over the TTS providers with {@link TtsResume}
 * (a provider whose audio breaks off, or stops for longer than {@code pipeline.providers.stall.tts}, is followed by
 * the next speaking only the unspoken words). The tenant's voice goes to the first provider asked (voices are
 * provider-specific); the others use their configured voice. Each provider that starts is charged the characters
 * it was given.
 */
@ApplicationScoped
public class TtsChain implements TtsStage {

    private final FallbackEngine<TtsProvider, TtsResume.Utterance, byte[]> engine;
    private final int bytesPerCharacter;

    @Inject
    public TtsChain(
            @Any Instance<TtsProvider> providers,
            @ConfigProperty(name = "pipeline.tts.bytes-per-character", defaultValue = "480") int bytesPerCharacter,
            ProviderMetrics metrics,
            ProvidersConfig config,
            ProviderAvailability availability) {
        this(
                providers.stream().toList(),
                bytesPerCharacter,
                metrics,
                config.stall().tts(),
                availability);
    }

    TtsChain(
            List<TtsProvider> providers,
            int bytesPerCharacter,
            ProviderMetrics metrics,
            Duration stall,
            ProviderAvailability availability) {
        this.bytesPerCharacter = bytesPerCharacter;
        this.engine = new FallbackEngine<>(
                Stage.TTS,
                FailureKind.TTS,
                providers,
                TtsProvider::name,
                TtsProvider::model,
                (provider, utterance, attempt, listener) -> provider.synthesize(utterance.text(), utterance.voice())
                        .invoke(audio -> listener.used(
                                Stage.TTS,
                                provider.name(),
                                provider.model(),
                                utterance.text().length(),
                                "characters")),
                (provider, utterance) -> provider.synthesize(utterance.text(), null)
                        .onItem()
                        .transformToUni(audio -> audio.collect().last()),
                stall,
                availability,
                metrics);
    }

    @Override
    public Multi<byte[]> speak(List<String> order, String sentence, String voice, StageListener listener) {
        return engine.run(order, new TtsResume.Utterance(sentence, voice), new TtsResume(bytesPerCharacter), listener);
    }
}
