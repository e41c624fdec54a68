package com.spotfunnel.voice.gateway.media;

import com.spotfunnel.voice.gateway.bridge.PipelineConnector;
import com.spotfunnel.voice.gateway.config.GatewayConfig;
import com.spotfunnel.voice.gateway.events.CallEvents;
import com.spotfunnel.voice.gateway.fallback.CallControl;
import com.spotfunnel.voice.gateway.fallback.FallbackPlanner;
import com.spotfunnel.voice.gateway.ops.GatewayMetrics;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Wires the sessions' collaborators from the application's beans, once. */
@ApplicationScoped
public class SessionServicesProducer {

    @Produces
    @Singleton
    SessionServices sessionServices(
            CallEvents events,
            PipelineConnector pipeline,
            FallbackPlanner planner,
            CallControl control,
            GatewayMetrics metrics,
            Vertx vertx,
            GatewayConfig config) {
        return new SessionServices(
                events,
                pipeline,
                planner,
                control,
                metrics,
                new VertxCallClock(vertx),
                config.pipelineDrainTimeout(),
                config.transfer().outcomeGrace(),
                config.transfer().returnTimeout(),
                config.transfer().maxWhisperChars());
    }
}
