package com.spotfunnel.voice.admin.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Costs in US dollars over a range of UTC days: overall, per day (every day of the range, zeros included), per
 * stage and provider, and per tenant. Everywhere total = stt + llm + tts.
 *
 * @param tenantId the tenant the report is limited to, or null for every tenant
 */
public record CostReport(
        LocalDate from,
        LocalDate to,
        String tenantId,
        StageCosts total,
        List<DailyCost> daily,
        List<ProviderCost> byProvider,
        List<TenantCost> byTenant) {

    public record StageCosts(BigDecimal stt, BigDecimal llm, BigDecimal tts) {

        public static final StageCosts ZERO = new StageCosts(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

        @com.fasterxml.jackson.annotation.JsonProperty("total")
        public BigDecimal total() {
            return stt.add(llm).add(tts);
        }

        StageCosts plus(String stage, BigDecimal usd) {
            return switch (stage) {
                case "stt" -> new StageCosts(stt.add(usd), llm, tts);
                case "llm" -> new StageCosts(stt, llm.add(usd), tts);
                case "tts" -> new StageCosts(stt, llm, tts.add(usd));
                default -> this;
            };
        }
    }

    public record DailyCost(LocalDate day, StageCosts costs) {}

    public record ProviderCost(String stage, String provider, BigDecimal costUsd, long records) {}

    public record TenantCost(String tenantId, StageCosts costs) {}
}
