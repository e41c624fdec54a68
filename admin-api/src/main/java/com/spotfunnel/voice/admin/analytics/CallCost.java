package com.spotfunnel.voice.admin.analytics;

import java.math.BigDecimal;
import java.util.List;

/**
 * What one call cost: its CostRecorded events summed per stage and provider.
 *
 * @param totalUsd the sum of {@code items}
 */
public record CallCost(String callId, String tenantId, BigDecimal totalUsd, List<Item> items) {

    /** @param records how many CostRecorded events (turns, usually) made up {@code costUsd} */
    public record Item(String stage, String provider, BigDecimal costUsd, long records) {}
}
