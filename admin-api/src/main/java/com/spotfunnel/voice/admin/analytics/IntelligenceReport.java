package com.spotfunnel.voice.admin.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * What callers wanted and how calls went, over a range of UTC days, for one tenant or overall.
 *
 * @param actionRequiredRate actionRequired / analyzedCalls (0 when there were none), 4 decimals
 * @param endedCalls         calls that ended, by status
 * @param byTenant           the same figures per tenant (one entry when the report is for one tenant)
 * @param daily              calls that ended, per day of the range (zeros included)
 */
public record IntelligenceReport(
        LocalDate from,
        LocalDate to,
        String tenantId,
        Totals totals,
        List<Count> outcomes,
        List<Count> reasons,
        List<Count> endedCalls,
        List<TenantTotals> byTenant,
        List<DailyCalls> daily) {

    public record Totals(long analyzedCalls, long actionRequired, BigDecimal actionRequiredRate) {

        static Totals of(long analyzed, long actionRequired) {
            BigDecimal rate = analyzed == 0
                    ? BigDecimal.ZERO
                    : BigDecimal.valueOf(actionRequired).divide(BigDecimal.valueOf(analyzed), 4, RoundingMode.HALF_UP);
            return new Totals(analyzed, actionRequired, rate);
        }
    }

    public record Count(String label, long calls) {}

    public record TenantTotals(String tenantId, Totals totals) {}

    public record DailyCalls(LocalDate day, long calls) {}
}
