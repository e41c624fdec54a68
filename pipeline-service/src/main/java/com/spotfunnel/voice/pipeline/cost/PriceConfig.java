package com.spotfunnel.voice.pipeline.cost;

import io.smallrye.config.ConfigMapping;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Overrides of the catalog's list prices ({@code pipeline.prices.*}), in US dollars: STT per audio second by
 * provider, LLM per prompt and completion token by model, TTS per character by provider. Empty by default: the
 * prices come from {@link com.spotfunnel.voice.events.providers.ProviderCatalog}; set one where a negotiated rate
 * differs (e.g. {@code PIPELINE_PRICES_TTS_PER_CHARACTER_CARTESIA}).
 */
@ConfigMapping(prefix = "pipeline.prices")
public interface PriceConfig {

    Map<String, BigDecimal> sttPerSecond();

    Map<String, LlmPrice> llm();

    Map<String, BigDecimal> ttsPerCharacter();

    interface LlmPrice {
        BigDecimal promptToken();

        BigDecimal completionToken();
    }
}
