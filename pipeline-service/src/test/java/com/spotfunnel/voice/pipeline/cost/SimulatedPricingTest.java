package com.spotfunnel.voice.pipeline.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.spotfunnel.voice.events.payload.CostRecorded;
import com.spotfunnel.voice.events.payload.Stage;
import com.spotfunnel.voice.pipeline.cost.PriceCheck.Configured;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The local demo and load runs price simulated usage as real providers would charge it, not $0.00. */
class SimulatedPricingTest {

    private static final PriceConfig NO_OVERRIDES = new PriceConfig() {
        @Override
        public Map<String, BigDecimal> sttPerSecond() {
            return Map.of("simulated", BigDecimal.ZERO); // as application.properties sets it
        }

        @Override
        public Map<String, LlmPrice> llm() {
            return Map.of();
        }

        @Override
        public Map<String, BigDecimal> ttsPerCharacter() {
            return Map.of("simulated", BigDecimal.ZERO);
        }
    };

    private static final PriceTable PRICED_AS_REAL = new PriceTable(
            NO_OVERRIDES,
            Map.of(
                    Stage.STT, new Configured(Stage.STT, "deepgram", "nova-3"),
                    Stage.LLM, new Configured(Stage.LLM, "openai", "gpt-6-luna"),
                    Stage.TTS, new Configured(Stage.TTS, "cartesia", "sonic-3")));

    @Test
    void simulatedUsageCostsWhatTheNamedRealProvidersCatalogPriceSays() {
        assertEquals(new BigDecimal("0.00480000"), cost(PRICED_AS_REAL, Stage.STT, 60, "audio_seconds")); // per minute
        assertEquals(new BigDecimal("0.00010000"), cost(PRICED_AS_REAL, Stage.LLM, 1000, "prompt_tokens"));
        assertEquals(new BigDecimal("0.00050000"), cost(PRICED_AS_REAL, Stage.LLM, 1000, "completion_tokens"));
        assertEquals(new BigDecimal("0.03000000"), cost(PRICED_AS_REAL, Stage.TTS, 1000, "characters"));
    }

    @Test
    void theRecordStillSaysSimulated() {
        CostRecorded cost = PRICED_AS_REAL.price(0, Stage.TTS, "simulated", "simulated", 10, "characters");
        assertEquals("simulated", cost.provider());
    }

    @Test
    void unsetSimulatedUsageStaysFree() {
        PriceTable free = new PriceTable(NO_OVERRIDES);
        assertEquals(0, cost(free, Stage.STT, 60, "audio_seconds").signum());
        assertEquals(0, cost(free, Stage.LLM, 1000, "prompt_tokens").signum());
        assertEquals(0, cost(free, Stage.TTS, 1000, "characters").signum());
    }

    private static BigDecimal cost(PriceTable prices, Stage stage, double quantity, String unit) {
        return prices.price(0, stage, "simulated", "simulated", quantity, unit).costUsd();
    }
}
