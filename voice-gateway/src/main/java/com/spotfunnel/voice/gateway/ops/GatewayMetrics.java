package com.spotfunnel.voice.gateway.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** The gateway's own meters in {@code /q/metrics}. */
@ApplicationScoped
public class GatewayMetrics implements CallMetrics {

    private final MeterRegistry meters;
    private final AtomicInteger activeCalls = new AtomicInteger();
    private final Timer turnLatency;

    public GatewayMetrics(MeterRegistry meters) {
        this.meters = meters;
        Gauge.builder("gateway_active_calls", activeCalls, AtomicInteger::get)
                .description("calls with a live Media Stream on this instance")
                .register(meters);
        this.turnLatency = Timer.builder("gateway_turn_latency")
                .description("from the caller's finished turn to the first agent audio sent to Twilio")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
    }

    public void callStarted() {
        activeCalls.incrementAndGet();
    }

    public void callEnded() {
        activeCalls.decrementAndGet();
    }

    public int activeCalls() {
        return activeCalls.get();
    }

    public void turnLatency(Duration latency) {
        turnLatency.record(latency);
    }

    /** A provider's time to first byte on one of this gateway's calls, as the pipeline reported it. */
    public void providerFirstByte(String stage, String provider, Duration latency) {
        Timer.builder("gateway_provider_first_byte")
                .description(
                        "provider time to first byte per stage (STT stream open, LLM first token, TTS first audio)")
                .tag("stage", stage)
                .tag("provider", provider == null ? "unknown" : provider)
                .publishPercentiles(0.5, 0.99)
                .register(meters)
                .record(latency);
    }

    public void mediaRejected(String reason) {
        meters.counter("gateway_media_rejected_total", "reason", reason).increment();
    }

    public void fallback(String kind, String result) {
        meters.counter("gateway_fallbacks_total", "kind", kind, "result", result)
                .increment();
    }

    @Override
    public void transferOutcome(String outcome, boolean returned) {
        meters.counter(
                        "gateway_transfer_outcomes_total",
                        "outcome",
                        outcome,
                        "returned_to_agent",
                        String.valueOf(returned))
                .increment();
    }

    public void callEndedWith(String status) {
        meters.counter("gateway_calls_ended_total", "status", status).increment();
    }

    @Override
    public void admissionRefused(String reason) {
        meters.counter("gateway_admission_refusals_total", "reason", reason).increment();
    }

    public void webhook(String outcome) {
        meters.counter("gateway_incoming_calls_total", "outcome", outcome).increment();
    }

    /** A call's final status and duration as Twilio reported them on the status callback. */
    public void twilioFinalStatus(String status, long durationSeconds) {
        meters.counter("gateway_twilio_final_status_total", "status", status).increment();
        if (durationSeconds >= 0) {
            io.micrometer.core.instrument.DistributionSummary.builder("gateway_twilio_call_duration_seconds")
                    .description("call duration reported by Twilio")
                    .baseUnit("seconds")
                    .register(meters)
                    .record(durationSeconds);
        }
    }

    public void droppedFrames(long count) {
        if (count > 0) {
            meters.counter("gateway_caller_frames_dropped_total").increment(count);
        }
    }

    @Override
    public void illegalPhaseMove(String from, String to) {
        meters.counter("gateway_illegal_phase_moves_total", "from", from, "to", to)
                .increment();
    }
}
