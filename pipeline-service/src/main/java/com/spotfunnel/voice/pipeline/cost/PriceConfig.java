package com.spotfunnel.voice.pipeline.cost;

import io.smallrye.config.ConfigMapping;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The price table ({@code pipeline.prices.*}), in US dollars: STT per audio second by provider, LLM per prompt and
 * completion token by model, TTS per character by provider. A provider or model missing from it costs zero (and
 * is logged once).
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
