package com.spotfunnel.voice.pipeline.cost;

import com.spotfunnel.voice.events.payload.Stage;
import com.spotfunnel.voice.events.providers.ProviderCatalog;
import com.spotfunnel.voice.pipeline.llm.LlmProvider;
import com.spotfunnel.voice.pipeline.stt.SttProvider;
import com.spotfunnel.voice.pipeline.tts.TtsProvider;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * At start: every provider client is one the {@link ProviderCatalog} lists for its stage (and every catalog
 * provider has a client), and every configured model has a price. Otherwise the service refuses to start with one
 * line naming what is wrong — a model with no price would silently count as $0 on every call.
 */
@ApplicationScoped
public class PriceCheck {

    private static final Logger LOG = Logger.getLogger(PriceCheck.class);

    /** A provider client as configured: its stage, name and model. */
    public record Configured(Stage stage, String provider, String model) {}

    /** The price of one unit of a stage, provider and model, when known. */
    @FunctionalInterface
    public interface Prices {
        Optional<BigDecimal> of(Stage stage, String provider, String model, String unit);
    }

    void onStart(
            @Observes StartupEvent start,
            @Any Instance<SttProvider> stt,
            @Any Instance<LlmProvider> llm,
            @Any Instance<TtsProvider> tts,
            PriceTable prices) {
        List<Configured> configured = new ArrayList<>();
        stt.forEach(p -> configured.add(new Configured(Stage.STT, p.name(), p.model())));
        llm.forEach(p -> configured.add(new Configured(Stage.LLM, p.name(), p.model())));
        tts.forEach(p -> configured.add(new Configured(Stage.TTS, p.name(), p.model())));
        refusal(configured, prices::known).ifPresent(line -> {
            LOG.error(line);
            throw new IllegalStateException(line);
        });
    }

    /** The one line that refuses the start, or empty when every client and model is known and priced. */
    public static Optional<String> refusal(List<Configured> configured, Prices prices) {
        Set<String> problems = new TreeSet<>();
        for (Stage stage : Stage.values()) {
            Set<String> clients = new TreeSet<>();
            configured.stream().filter(c -> c.stage() == stage).forEach(c -> clients.add(c.provider()));
            for (String name : ProviderCatalog.names(stage)) {
                if (!clients.contains(name)) {
                    problems.add(stage + " provider " + name + " is in the catalog but has no client");
                }
            }
        }
        for (Configured c : configured) {
            if (ProviderCatalog.find(c.stage(), c.provider()).isEmpty()) {
                problems.add(c.stage() + " provider " + c.provider() + " is not in the provider catalog");
                continue;
            }
            for (String unit : units(c.stage())) {
                if (prices.of(c.stage(), c.provider(), c.model(), unit).isEmpty()) {
                    problems.add(c.stage() + " " + c.provider() + " model " + c.model() + " has no price");
                }
            }
        }
        return problems.isEmpty()
                ? Optional.empty()
                : Optional.of(
                        "Refusing to start: " + String.join("; ", problems)
                                + " (add it to ProviderCatalog, or set pipeline.prices.*; docs/pipeline.md \"Provider catalog\")");
    }

    private static List<String> units(Stage stage) {
        return switch (stage) {
            case STT -> List.of("seconds");
            case LLM -> List.of("prompt_tokens", "completion_tokens");
            case TTS -> List.of("characters");
        };
    }
}
