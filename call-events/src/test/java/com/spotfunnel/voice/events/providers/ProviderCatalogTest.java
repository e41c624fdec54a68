package com.spotfunnel.voice.events.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spotfunnel.voice.events.payload.Stage;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProviderCatalogTest {

    @Test
    void everyProviderServesItsDefaultModelAtAPriceCheckedOnADate() {
        for (ProviderCatalog.Provider provider : ProviderCatalog.all()) {
            ProviderCatalog.Model model =
                    provider.model(provider.defaultModel()).orElseThrow();
            assertTrue(model.perUnit().signum() >= 0, provider.name());
            assertTrue(model.checked() != null, provider.name());
            assertEquals(provider.stage() == Stage.LLM, model.completionPerUnit() != null, provider.name());
        }
    }

    @Test
    void eachStageListsItsProvidersAndSimulated() {
        assertEquals(Set.of("deepgram", "simulated"), ProviderCatalog.names(Stage.STT));
        assertEquals(Set.of("openai", "gemini", "simulated"), ProviderCatalog.names(Stage.LLM));
        assertEquals(Set.of("cartesia", "elevenlabs", "simulated"), ProviderCatalog.names(Stage.TTS));
    }

    @Test
    void pricesAreListPricesPerUnitAndRetiredModelsHaveNone() {
        assertEquals(
                0,
                new BigDecimal("0.0000025")
                        .compareTo(
                                ProviderCatalog.price(Stage.LLM, "gemini", "gemini-3.5-flash-lite", "completion_tokens")
                                        .orElseThrow()));
        assertEquals(
                0,
                new BigDecimal("0.00008")
                        .compareTo(ProviderCatalog.price(Stage.STT, "deepgram", "nova-3", "seconds")
                                .orElseThrow()));
        assertEquals(Optional.empty(), ProviderCatalog.price(Stage.LLM, "gemini", "gemini-2.0-flash", "prompt_tokens"));
        assertEquals(
                Optional.of(BigDecimal.ZERO), ProviderCatalog.price(Stage.TTS, "simulated", "anything", "characters"));
    }
}
