package com.spotfunnel.voice.gateway.media;

import com.spotfunnel.voice.gateway.bridge.PipelineDialer;
import com.spotfunnel.voice.gateway.events.CallEventSink;
import com.spotfunnel.voice.gateway.fallback.FallbackPolicy;
import com.spotfunnel.voice.gateway.fallback.LiveCallUpdates;
import com.spotfunnel.voice.gateway.ops.CallMetrics;
import java.time.Duration;

/**
 * The collaborators every {@link CallSession} needs, each behind a small interface so a session can be built in a
 * plain unit test with fakes and a virtual clock. Production wiring: {@link SessionServicesProducer}.
 */
public record SessionServices(
        CallEventSink events,
        PipelineDialer pipeline,
        FallbackPolicy planner,
        LiveCallUpdates control,
        CallMetrics metrics,
        CallClock clock,
        Duration pipelineDrainTimeout,
        Duration transferOutcomeGrace,
        Duration transferReturnTimeout,
        int maxWhisperChars) {

    /** With the default transfer timings (15 s past the ring time for the outcome, 10 s for the return stream). */
    public SessionServices(
            CallEventSink events,
            PipelineDialer pipeline,
            FallbackPolicy planner,
            LiveCallUpdates control,
            CallMetrics metrics,
            CallClock clock,
            Duration pipelineDrainTimeout) {
        this(
                events,
                pipeline,
                planner,
                control,
                metrics,
                clock,
                pipelineDrainTimeout,
                Duration.ofSeconds(15),
                Duration.ofSeconds(10),
                300);
    }
}
