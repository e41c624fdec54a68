package com.spotfunnel.voice.pipeline.cost;

import com.spotfunnel.voice.events.payload.Stage;
import com.spotfunnel.voice.events.providers.ProviderCatalog;
import com.spotfunnel.voice.pipeline.config.ProvidersConfig;
import com.spotfunnel.voice.pipeline.llm.LlmProvider;
import com.spotfunnel.voice.pipeline.stt.SttProvider;
import com.spotfunnel.voice.pipeline.tts.TtsProvider;
import jakarta.enterprise.inject.Instance;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which real provider and model the simulated providers' usage is priced as, per stage
 * ({@code pipeline.providers.simulated.<stage>.priced-as}): the named provider's configured model. The local stack's
 * demo and the load benchmark set it, so their cost columns show what a real call would cost instead of $0.00.
 */
final class SimulatedPricing {

    private SimulatedPricing() {}

    static Map<Stage, PriceCheck.Configured> of(
            ProvidersConfig.Simulated simulated,
            Instance<SttProvider> stt,
            Instance<LlmProvider> llm,
            Instance<TtsProvider> tts) {
        Map<Stage, PriceCheck.Configured> pricedAs = new EnumMap<>(Stage.class);
        put(pricedAs, Stage.STT, simulated.stt().pricedAs(), stt, SttProvider::name, SttProvider::model);
        put(pricedAs, Stage.LLM, simulated.llm().pricedAs(), llm, LlmProvider::name, LlmProvider::model);
        put(pricedAs, Stage.TTS, simulated.tts().pricedAs(), tts, TtsProvider::name, TtsProvider::model);
        return pricedAs;
    }

    private static <P> void put(
            Map<Stage, PriceCheck.Configured> pricedAs,
            Stage stage,
            Optional<String> name,
            Instance<P> providers,
            Function<P, String> providerName,
            Function<P, String> model) {
        if (name.isEmpty() || name.get().isBlank()) {
            return;
        }
        String wanted = name.get().trim().toLowerCase(java.util.Locale.ROOT);
        P provider = providers.stream()
                .filter(p -> providerName.apply(p).equals(wanted) && !ProviderCatalog.SIMULATED.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("pipeline.providers.simulated."
                        + stage.name().toLowerCase(java.util.Locale.ROOT) + ".priced-as names " + wanted
                        + ", not a real " + stage + " provider"));
        pricedAs.put(stage, new PriceCheck.Configured(stage, wanted, model.apply(provider)));
    }
}
