package com.spotfunnel.voice.gateway.media;

import com.spotfunnel.voice.gateway.bridge.PipelineConnector;
import com.spotfunnel.voice.gateway.config.GatewayConfig;
import com.spotfunnel.voice.gateway.events.CallEvents;
import com.spotfunnel.voice.gateway.fallback.CallControl;
import com.spotfunnel.voice.gateway.fallback.FallbackPlanner;
import com.spotfunnel.voice.gateway.ops.GatewayMetrics;
import io.vertx.core.Vertx;
import jakarta.inject.Singleton;
import java.time.Duration;

/** The collaborators every {@link CallSession} needs, injected once (a singleton: its fields are read directly). */
@Singleton
public class SessionServices {

    final CallEvents events;
    final PipelineConnector pipeline;
    final FallbackPlanner planner;
    final CallControl control;
    final GatewayMetrics metrics;
    final Vertx vertx;
    final Duration pipelineDrainTimeout;

    public SessionServices(CallEvents events, PipelineConnector pipeline, FallbackPlanner planner, CallControl control,
            GatewayMetrics metrics, Vertx vertx, GatewayConfig config) {
        this.events = events;
        this.pipeline = pipeline;
        this.planner = planner;
        this.control = control;
        this.metrics = metrics;
        this.vertx = vertx;
        this.pipelineDrainTimeout = config.pipelineDrainTimeout();
    }
}
