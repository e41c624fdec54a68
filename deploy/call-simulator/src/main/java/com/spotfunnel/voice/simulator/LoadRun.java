package com.spotfunnel.voice.simulator;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** N simulated callers at once, ramped up over a few seconds; a summary of what they experienced. */
public final class LoadRun {

    private LoadRun() {
    }

    public record Summary(int calls, int succeeded, long p50Millis, long p99Millis, long maxMillis, int turns,
            int lateFrames, int failedSends, int framesSent, List<String> errors) {

        public String describe() {
            return String.format("calls=%d succeeded=%d (%.1f%%) turns=%d turnLatencyMs p50=%d p99=%d max=%d "
                            + "framesSent=%d lateFrames=%d failedSends=%d",
                    calls, succeeded, calls == 0 ? 0 : 100.0 * succeeded / calls, turns, p50Millis, p99Millis,
                    maxMillis, framesSent, lateFrames, failedSends);
        }
    }

    public static Summary run(CallPlan plan, int calls, Duration rampUp) throws Exception {
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        try {
            List<CompletableFuture<CallResult>> running = new ArrayList<>();
            long gapNanos = calls <= 1 ? 0 : rampUp.toNanos() / (calls - 1);
            for (int i = 0; i < calls; i++) {
                CompletableFuture<CallResult> call = new CompletableFuture<>();
                clock.schedule(() -> new SimulatedCall(plan, http, clock).run().whenComplete((r, e) -> {
                    if (e != null) {
                        call.completeExceptionally(e);
                    } else {
                        call.complete(r);
                    }
                }), i * gapNanos, TimeUnit.NANOSECONDS);
                running.add(call);
            }
            long budget = rampUp.toMillis() + plan.turnTimeout().toMillis() * (plan.utterances() + 2)
                    + plan.speechLength().toMillis() * plan.utterances() + 30_000;
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get(budget, TimeUnit.MILLISECONDS);
            return summarize(running.stream().map(CompletableFuture::join).toList());
        } finally {
            clock.shutdownNow();
        }
    }

    static Summary summarize(List<CallResult> results) {
        List<Long> latencies = results.stream().flatMap(r -> r.turnLatenciesMillis().stream())
                .sorted(Comparator.naturalOrder()).toList();
        return new Summary(results.size(),
                (int) results.stream().filter(CallResult::succeeded).count(),
                percentile(latencies, 50), percentile(latencies, 99),
                latencies.isEmpty() ? 0 : latencies.get(latencies.size() - 1),
                latencies.size(),
                results.stream().mapToInt(CallResult::lateFrames).sum(),
                results.stream().mapToInt(CallResult::failedSends).sum(),
                results.stream().mapToInt(CallResult::framesSent).sum(),
                results.stream().filter(r -> r.error() != null).map(CallResult::error).distinct().limit(10).toList());
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
