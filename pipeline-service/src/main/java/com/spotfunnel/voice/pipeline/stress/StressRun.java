package com.spotfunnel.voice.pipeline.stress;

import com.spotfunnel.voice.events.stress.ConversationResult;
import com.spotfunnel.voice.events.stress.StressTestRun;
import com.spotfunnel.voice.events.stress.Summary;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** One run's state while its conversations finish one by one; {@link #view()} is what the API shows. */
final class StressRun {

    private final String id;
    private final String tenantId;
    private final int total;
    private final double launchBar;
    private final Duration target;
    private final Instant startedAt = Instant.now();
    private final long startedNanos = System.nanoTime();
    private final List<ConversationResult> finished = new ArrayList<>();
    private final BigDecimal[] byRole = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
    private long promptTokens;
    private long completionTokens;
    private Instant finishedAt;
    private double durationSeconds;

    StressRun(String id, String tenantId, int total, double launchBar, Duration target) {
        this.id = id;
        this.tenantId = tenantId;
        this.total = total;
        this.launchBar = launchBar;
        this.target = target;
    }

    String id() {
        return id;
    }

    synchronized boolean done() {
        return finishedAt != null;
    }

    synchronized void finished(ConversationResult result, ConversationCosts costs) {
        finished.add(result);
        byRole[0] = byRole[0].add(costs.usd(ConversationCosts.Role.AGENT));
        byRole[1] = byRole[1].add(costs.usd(ConversationCosts.Role.PERSONA));
        byRole[2] = byRole[2].add(costs.usd(ConversationCosts.Role.JUDGE));
        promptTokens += costs.promptTokens();
        completionTokens += costs.completionTokens();
    }

    synchronized void complete() {
        finishedAt = Instant.now();
        durationSeconds = Math.round((System.nanoTime() - startedNanos) / 1e8) / 10.0;
    }

    synchronized StressTestRun view() {
        List<ConversationResult> conversations = finished.stream()
                .sorted(Comparator.comparingInt(ConversationResult::index))
                .toList();
        return new StressTestRun(
                id,
                tenantId,
                done() ? StressTestRun.COMPLETED : StressTestRun.RUNNING,
                new StressTestRun.Progress(finished.size(), total),
                done() ? summary(conversations) : null,
                conversations,
                startedAt,
                finishedAt);
    }

    private Summary summary(List<ConversationResult> conversations) {
        int passed =
                (int) conversations.stream().filter(c -> c.result().passed()).count();
        double passRate = conversations.isEmpty() ? 0 : Math.round(passed * 1000.0 / conversations.size()) / 10.0;
        BigDecimal totalUsd = byRole[0].add(byRole[1]).add(byRole[2]);
        return new Summary(
                conversations.size(),
                passed,
                conversations.size() - passed,
                passRate,
                launchBar,
                passRate >= launchBar,
                durationSeconds,
                target.toSeconds(),
                durationSeconds < target.toSeconds(),
                new Summary.Costs(
                        ConversationCosts.money(byRole[0]),
                        ConversationCosts.money(byRole[1]),
                        ConversationCosts.money(byRole[2]),
                        ConversationCosts.money(totalUsd),
                        promptTokens,
                        completionTokens));
    }
}
