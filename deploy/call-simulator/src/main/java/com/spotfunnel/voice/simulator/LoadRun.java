package com.spotfunnel.voice.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** N simulated callers at once, ramped up over a few seconds; a summary of what they experienced. */
public final class LoadRun {

    private LoadRun() {}

    public record Summary(
            int calls,
            int succeeded,
            int refused,
            long p50Millis,
            long p99Millis,
            long maxMillis,
            long platformP50Millis,
            long platformP99Millis,
            long platformMaxMillis,
            int turns,
            int lateFrames,
            int failedSends,
            int framesSent,
            List<String> errors) {

        public String describe() {
            return String.format(
                    "calls=%d succeeded=%d (%.1f%%) refused=%d turns=%d turnLatencyMs p50=%d p99=%d max=%d "
                            + "platformMs p50=%d p99=%d max=%d framesSent=%d lateFrames=%d failedSends=%d",
                    calls,
                    succeeded,
                    calls == 0 ? 0 : 100.0 * succeeded / calls,
                    refused,
                    turns,
                    p50Millis,
                    p99Millis,
                    maxMillis,
                    platformP50Millis,
                    platformP99Millis,
                    platformMaxMillis,
                    framesSent,
                    lateFrames,
                    failedSends);
        }
    }

    public static Summary run(CallPlan plan, int calls, Duration rampUp) throws Exception {
        try (CallerTransport transport = CallerTransport.open()) {
            List<CompletableFuture<CallResult>> running = new ArrayList<>();
            long gapMillis = calls <= 1 ? 0 : rampUp.toMillis() / (calls - 1);
            for (int i = 0; i < calls; i++) {
                CompletableFuture<CallResult> call = new CompletableFuture<>();
                // a Vert.x timer needs a delay of at least 1 ms
                transport
                        .vertx()
                        .setTimer(
                                1 + i * gapMillis,
                                ignored -> new SimulatedCall(plan, transport)
                                        .run()
                                        .whenComplete((r, e) -> {
                                            if (e != null) {
                                                call.completeExceptionally(e);
                                            } else {
                                                call.complete(r);
                                            }
                                        }));
                running.add(call);
            }
            long budget = rampUp.toMillis()
                    + plan.turnTimeout().toMillis() * (plan.utterances() + 2)
                    + plan.speechLength().toMillis() * plan.utterances()
                    + 30_000;
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get(budget, TimeUnit.MILLISECONDS);
            TurnTrace.flush();
            return summarize(running.stream().map(CompletableFuture::join).toList());
        }
    }

    static Summary summarize(List<CallResult> results) {
        List<Long> latencies = results.stream()
                .flatMap(r -> r.turnLatenciesMillis().stream())
                .sorted(Comparator.naturalOrder())
                .toList();
        List<Long> platform = results.stream()
                .flatMap(r -> r.platformLatenciesMillis().stream())
                .sorted(Comparator.naturalOrder())
                .toList();
        return new Summary(
                results.size(),
                (int) results.stream().filter(CallResult::succeeded).count(),
                (int) results.stream().filter(CallResult::refused).count(),
                percentile(latencies, 50),
                percentile(latencies, 99),
                max(latencies),
                percentile(platform, 50),
                percentile(platform, 99),
                max(platform),
                latencies.size(),
                results.stream().mapToInt(CallResult::lateFrames).sum(),
                results.stream().mapToInt(CallResult::failedSends).sum(),
                results.stream().mapToInt(CallResult::framesSent).sum(),
                results.stream()
                        .filter(r -> r.error() != null)
                        .map(CallResult::error)
                        .distinct()
                        .limit(10)
                        .toList());
    }

    private static long max(List<Long> sorted) {
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1);
    }

    /** Nearest-rank percentile of sorted values. */
    static long percentile(List<Long> sorted, int percentile) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
