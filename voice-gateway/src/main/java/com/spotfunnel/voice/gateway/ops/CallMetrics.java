package com.spotfunnel.voice.gateway.ops;

import java.time.Duration;

/** The meters a call's session moves ({@link GatewayMetrics} in production). */
public interface CallMetrics {

    void callStarted();

    void callEnded();

    void callEndedWith(String status);

    void turnLatency(Duration latency);

    void providerFirstByte(String stage, String provider, Duration latency);

    void mediaRejected(String reason);

    void droppedFrames(long count);

    /**
     * How a transfer the caller asked for ended: {@code answered}, {@code no-answer}, {@code busy}, {@code failed},
     * {@code canceled}, {@code unknown}; {@code returned} when the caller went back to the agent.
     */
    default void transferOutcome(String outcome, boolean returned) {}

    /**
     * A call refused for capacity: at the webhook ({@code live_calls}, {@code event_loop_lag}, {@code pipeline_busy})
     * or, answered already, by pipeline-service ({@code pipeline_busy}).
     */
    void admissionRefused(String reason);

    /** A session tried a phase change its phase does not allow: a bug in the gateway, not in the call. */
    void illegalPhaseMove(String from, String to);
}
