package com.spotfunnel.voice.pipeline.stress;

import com.spotfunnel.voice.events.payload.ProviderFailed;
import com.spotfunnel.voice.events.payload.Stage;
import com.spotfunnel.voice.pipeline.cost.PriceTable;
import com.spotfunnel.voice.pipeline.provider.StageListener;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;
import org.jboss.logging.Logger;

/** What one text conversation's LLM calls cost, by role: token usage priced with the platform's price table. */
final class ConversationCosts {

    private static final Logger LOG = Logger.getLogger(ConversationCosts.class);

    enum Role {
        AGENT,
        PERSONA,
        JUDGE
    }

    private final PriceTable prices;
    private final Map<Role, BigDecimal> usd = new EnumMap<>(Role.class);
    private long promptTokens;
    private long completionTokens;

    ConversationCosts(PriceTable prices) {
        this.prices = prices;
        for (Role role : Role.values()) {
            usd.put(role, BigDecimal.ZERO);
        }
    }

    StageListener listener(Role role) {
        return new StageListener() {
            @Override
            public void providerFailed(ProviderFailed failure) {
                // the chain moves on by itself; a chain that runs out fails the conversation with the cause
                LOG.infof(
                        "Stress test: %s LLM %s failed (%s: %s), next: %s",
                        role, failure.provider(), failure.errorType(), failure.message(), failure.fallbackProvider());
            }

            @Override
            public void used(Stage stage, String provider, String model, double quantity, String unit) {
                add(
                        role,
                        prices.price(0, stage, provider, model, quantity, unit).costUsd(),
                        (long) quantity,
                        unit);
            }
        };
    }

    private synchronized void add(Role role, BigDecimal cost, long tokens, String unit) {
        usd.merge(role, cost, BigDecimal::add);
        if ("prompt_tokens".equals(unit)) {
            promptTokens += tokens;
        } else if ("completion_tokens".equals(unit)) {
            completionTokens += tokens;
        }
    }

    synchronized BigDecimal usd(Role role) {
        return usd.get(role);
    }

    synchronized BigDecimal total() {
        return money(usd.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /** Dollars to 8 decimals without trailing zeros, so JSON shows 0.000124 and 0, never 0E-8. */
    static BigDecimal money(BigDecimal usd) {
        BigDecimal rounded = usd.setScale(8, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }

    synchronized long promptTokens() {
        return promptTokens;
    }

    synchronized long completionTokens() {
        return completionTokens;
    }
}
