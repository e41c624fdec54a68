package com.spotfunnel.voice.events.stress;

import java.time.Instant;
import java.util.List;

/**
 * A stress-test run as pipeline-service reports it (and admin-api passes on): progress while it runs, then the
 * summary. {@code conversations} holds the finished ones, by index.
 *
 * @param status   {@code running} or {@code completed}
 * @param summary  null while running
 */
public record StressTestRun(
        String id,
        String tenantId,
        String status,
        Progress progress,
        Summary summary,
        List<ConversationResult> conversations,
        Instant startedAt,
        Instant finishedAt) {

    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";

    public record Progress(int completed, int total) {}
}
