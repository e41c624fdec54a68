package com.spotfunnel.voice.events.stress;

import java.math.BigDecimal;

/**
 * The run's result. Launch bar: {@code passRate >= launchBar} (85 %); the seed's time target: the whole run in
 * under {@code targetSeconds} (120 s).
 *
 * @param passRate percent, 0-100, one decimal
 */
public record Summary(
        int totalConversations,
        int passedCount,
        int failedCount,
        double passRate,
        double launchBar,
        boolean meetsLaunchBar,
        double durationSeconds,
        double targetSeconds,
        boolean withinTarget,
        Costs costs) {

    /**
     * What the run's LLM calls cost, by role, priced with pipeline-service's price table.
     *
     * @param promptTokens     all roles together
     * @param completionTokens all roles together
     */
    public record Costs(
            BigDecimal agentUsd,
            BigDecimal personaUsd,
            BigDecimal judgeUsd,
            BigDecimal totalUsd,
            long promptTokens,
            long completionTokens) {}
}
