package com.spotfunnel.voice.pipeline.cost;

import com.spotfunnel.voice.events.payload.CostRecorded;
import com.spotfunnel.voice.events.payload.Stage;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Prices usage with the configured table: {@code quantity × unit price}, rounded half-up to 8 decimals (a
 * millionth of a cent). Quantities are audio seconds (3 decimals), tokens or characters.
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

    BigDecimal unitPrice(Stage stage, String provider, String model, String unit) {
        BigDecimal price = switch (stage) {
            case STT -> prices.sttPerSecond().get(provider);
            case TTS -> prices.ttsPerCharacter().get(provider);
            case LLM -> {
                PriceConfig.LlmPrice llm = prices.llm().get(model);
                yield llm == null ? null : "prompt_tokens".equals(unit) ? llm.promptToken() : llm.completionToken();
            }
        };
        if (price == null) {
            if (reportedMissing.add(stage + "/" + provider + "/" + model)) {
                LOG.warnf("No price for %s %s %s: counted as 0", stage, provider, model);
            }
            return BigDecimal.ZERO;
        }
        return price;
    }
}
