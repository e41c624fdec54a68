package com.spotfunnel.voice.pipeline.cost;

import com.spotfunnel.voice.events.payload.CostRecorded;
import com.spotfunnel.voice.events.payload.Stage;
import com.spotfunnel.voice.events.providers.ProviderCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Prices usage: {@code quantity × unit price}, rounded half-up to 8 decimals (a millionth of a cent). Quantities
 * are audio seconds (3 decimals), tokens or characters. The unit prices are the {@link ProviderCatalog}'s list
 * prices; {@code pipeline.prices.*} ({@link PriceConfig}) overrides one where an operator pays another rate.
 * The configured models are checked at start ({@link PriceCheck}); a model only a tenant names and that has no
 * price counts as zero and is logged once.
 */
@ApplicationScoped
public class PriceTable {

    private static final Logger LOG = Logger.getLogger(PriceTable.class);
    static final int SCALE = 8;

    private final PriceConfig prices;
    private final Set<String> reportedMissing = ConcurrentHashMap.newKeySet();

    public PriceTable(PriceConfig prices) {
        this.prices = prices;
    }

    public CostRecorded price(int turnIndex, Stage stage, String provider, String model, double quantity, String unit) {
        BigDecimal amount = stage == Stage.STT
                ? BigDecimal.valueOf(quantity).setScale(3, RoundingMode.HALF_UP)
                : BigDecimal.valueOf(Math.round(quantity));
        BigDecimal unitPrice = unitPrice(stage, provider, model, unit);
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
