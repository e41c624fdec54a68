package com.spotfunnel.voice.pipeline.cost;

import com.spotfunnel.voice.events.payload.CostRecorded;
import com.spotfunnel.voice.events.payload.Stage;
import com.spotfunnel.voice.events.providers.ProviderCatalog;
import com.spotfunnel.voice.pipeline.config.ProvidersConfig;
import com.spotfunnel.voice.pipeline.llm.LlmProvider;
import com.spotfunnel.voice.pipeline.stt.SttProvider;
import com.spotfunnel.voice.pipeline.tts.TtsProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Prices usage: {@code quantity × unit price}, rounded half-up to 8 decimals (a millionth of a cent). Quantities
 * are audio seconds (3 decimals), tokens or characters. The unit prices are the {@link ProviderCatalog}'s list
 * prices; {@code pipeline.prices.*} ({@link PriceConfig}) overrides one where an operator pays another rate.
 * The configured models are checked at start ({@link PriceCheck}); a model only a tenant names and that has no
 * price counts as zero and is logged once. The simulated providers' usage is free unless
 * {@code pipeline.providers.simulated.<stage>.priced-as} names a real provider ({@link SimulatedPricing}): then it
 * is priced at that provider's configured model, and the record still says {@code simulated}.
 */
@ApplicationScoped
public class PriceTable {

    private static final Logger LOG = Logger.getLogger(PriceTable.class);
    static final int SCALE = 8;

    private final PriceConfig prices;
    private final Map<Stage, PriceCheck.Configured> simulatedAs;
    private final Set<String> reportedMissing = ConcurrentHashMap.newKeySet();

    @Inject
    public PriceTable(
            PriceConfig prices,
            ProvidersConfig providers,
            @Any Instance<SttProvider> stt,
            @Any Instance<LlmProvider> llm,
            @Any Instance<TtsProvider> tts) {
        this(prices, SimulatedPricing.of(providers.simulated(), stt, llm, tts));
    }

    public PriceTable(PriceConfig prices) {
        this(prices, Map.of());
    }

    /** @param simulatedAs per stage, the real provider and model the simulated provider's usage is priced as */
    public PriceTable(PriceConfig prices, Map<Stage, PriceCheck.Configured> simulatedAs) {
        this.prices = prices;
        this.simulatedAs = Map.copyOf(simulatedAs);
    }

    public CostRecorded price(int turnIndex, Stage stage, String provider, String model, double quantity, String unit) {
        BigDecimal amount = stage == Stage.STT
                ? BigDecimal.valueOf(quantity).setScale(3, RoundingMode.HALF_UP)
                : BigDecimal.valueOf(Math.round(quantity));
        PriceCheck.Configured as = ProviderCatalog.SIMULATED.equals(provider) ? simulatedAs.get(stage) : null;
        BigDecimal unitPrice = as == null
                ? unitPrice(stage, provider, model, unit)
                : unitPrice(stage, as.provider(), as.model(), unit);
        return new CostRecorded(
                turnIndex,
                stage,
                provider,
                model,
                amount,
                unit,
                amount.multiply(unitPrice).setScale(SCALE, RoundingMode.HALF_UP));
    }

    /** The unit price, or empty when neither the configuration nor the catalog prices this model. */
    public Optional<BigDecimal> known(Stage stage, String provider, String model, String unit) {
        BigDecimal configured = switch (stage) {
            case STT -> prices.sttPerSecond().get(provider);
            case TTS -> prices.ttsPerCharacter().get(provider);
            case LLM -> {
                PriceConfig.LlmPrice llm = prices.llm().get(model);
                yield llm == null ? null : "prompt_tokens".equals(unit) ? llm.promptToken() : llm.completionToken();
            }
        };
        return configured != null ? Optional.of(configured) : ProviderCatalog.price(stage, provider, model, unit);
    }

    BigDecimal unitPrice(Stage stage, String provider, String model, String unit) {
        Optional<BigDecimal> price = known(stage, provider, model, unit);
        if (price.isEmpty() && reportedMissing.add(stage + "/" + provider + "/" + model)) {
            LOG.warnf("No price for %s %s %s: counted as 0", stage, provider, model);
        }
        return price.orElse(BigDecimal.ZERO);
    }
}
