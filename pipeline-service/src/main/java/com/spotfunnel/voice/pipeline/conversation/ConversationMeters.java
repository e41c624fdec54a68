package com.spotfunnel.voice.pipeline.conversation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** The conversations' meters in {@code /q/metrics}. */
@ApplicationScoped
public class ConversationMeters implements ConversationMetrics {

    private final MeterRegistry meters;
    private final AtomicInteger activeCalls = new AtomicInteger();
    private final Timer turnLatency;
    private final Counter bargeIns;
    private final Counter providerFailures;
    private final Counter lookaheadUsed;
    private final Counter lookaheadUnused;
    private final Counter lookaheadLate;

    public ConversationMeters(MeterRegistry meters) {
        this.meters = meters;
        this.turnLatency = Timer.builder("pipeline_turn_latency")
                .description("end of the caller's utterance to the first agent audio sent")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
        this.bargeIns = Counter.builder("pipeline_barge_ins_total").register(meters);
        this.providerFailures =
                Counter.builder("pipeline_provider_failures_total").register(meters);
        this.lookaheadUsed = lookahead("used", meters);
        this.lookaheadUnused = lookahead("unused", meters);
        this.lookaheadLate = Counter.builder("pipeline_knowledge_lookahead_late_total")
                .description("answers that went on without the knowledge search started on the caller's interim words, "
                        + "still under way pipeline.knowledge.lookahead-wait after the caller finished")
                .register(meters);
        meters.gauge("pipeline_active_calls", activeCalls);
    }

    private static Counter lookahead(String outcome, MeterRegistry meters) {
        return Counter.builder("pipeline_knowledge_lookahead_total")
                .description("knowledge searches started on the caller's interim words: used by the answer, or "
                        + "unused because the final words asked something else")
                .tag("outcome", outcome)
                .register(meters);
    }

    @Override
    public void callStarted() {
        activeCalls.incrementAndGet();
    }

    @Override
    public void callEnded() {
        activeCalls.decrementAndGet();
    }

    @Override
    public int activeCalls() {
        return activeCalls.get();
    }

    @Override
    public void turnLatency(Duration latency) {
        turnLatency.record(latency);
    }

    @Override
    public void bargeIn() {
        bargeIns.increment();
    }

    @Override
    public void providerFailure() {
        providerFailures.increment();
    }

    @Override
    public void lookahead(boolean used) {
        (used ? lookaheadUsed : lookaheadUnused).increment();
    }

    @Override
    public void lookaheadLate() {
        lookaheadLate.increment();
    }

    @Override
    public void illegalPhaseMove(String from, String to) {
        meters.counter("pipeline_illegal_phase_moves_total", "from", from, "to", to)
                .increment();
    }
}
