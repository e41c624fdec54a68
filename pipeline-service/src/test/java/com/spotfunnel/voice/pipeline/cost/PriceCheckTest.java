package com.spotfunnel.voice.pipeline.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spotfunnel.voice.events.payload.Stage;
import com.spotfunnel.voice.events.providers.ProviderCatalog;
import com.spotfunnel.voice.pipeline.cost.PriceCheck.Configured;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The start-up check: every client in the catalog, every configured model priced, or one line that says why not. */
class PriceCheckTest {

    private static List<Configured> catalogDefaults() {
        List<Configured> all = new ArrayList<>();
        ProviderCatalog.all().forEach(p -> all.add(new Configured(p.stage(), p.name(), p.defaultModel())));
        return all;
    }

    @Test
    void theCatalogDefaultsAreAllPriced() {
        assertEquals(Optional.empty(), PriceCheck.refusal(catalogDefaults(), ProviderCatalog::price));
    }

    @Test
    void aRetiredModelWithNoPriceRefusesTheStartInOneLine() {
        List<Configured> configured = catalogDefaults();
        configured.replaceAll(
                c -> c.provider().equals("gemini") ? new Configured(Stage.LLM, "gemini", "gemini-2.0-flash") : c);
        String line = PriceCheck.refusal(configured, ProviderCatalog::price).orElseThrow();
        assertTrue(line.startsWith("Refusing to start: LLM gemini model gemini-2.0-flash has no price"), line);
        assertTrue(!line.contains("\n"), line);
    }

    @Test
    void aClientTheCatalogDoesNotListRefusesTheStart() {
        List<Configured> configured = catalogDefaults();
        configured.add(new Configured(Stage.TTS, "acme", "v1"));
        assertTrue(PriceCheck.refusal(configured, ProviderCatalog::price)
                .orElseThrow()
                .contains("TTS provider acme is not in the provider catalog"));
    }
}
