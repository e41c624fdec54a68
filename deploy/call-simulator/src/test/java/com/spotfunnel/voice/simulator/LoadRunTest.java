package com.spotfunnel.voice.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LoadRunTest {

    @Test
    void nearestRankPercentiles() {
        List<Long> sorted =
                java.util.stream.LongStream.rangeClosed(1, 100).boxed().toList();
        assertEquals(50, LoadRun.percentile(sorted, 50));
        assertEquals(99, LoadRun.percentile(sorted, 99));
        assertEquals(7, LoadRun.percentile(List.of(7L), 99));
    }

    @Test
    void aCallWithAnUnansweredTurnIsNotASuccess() {
        CallResult answered = new CallResult(
                "CA1", true, "", List.of(612L, 615L), List.of(12L, 15L), 2, 2, 100, 0, 0, 40, 2, 0, null);
        CallResult unanswered =
                new CallResult("CA2", true, "", List.of(611L), List.of(11L), 1, 2, 100, 0, 0, 20, 1, 0, null);

        LoadRun.Summary summary = LoadRun.summarize(List.of(answered, unanswered));

        assertEquals(1, summary.succeeded());
        assertEquals(3, summary.turns());
        assertEquals(615, summary.maxMillis());
        assertEquals(15, summary.platformMaxMillis());
    }
}
