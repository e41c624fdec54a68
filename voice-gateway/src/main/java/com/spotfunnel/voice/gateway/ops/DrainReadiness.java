package com.spotfunnel.voice.gateway.ops;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness is DOWN while the gateway drains, so no new call is routed here. */
@Readiness
@ApplicationScoped
public class DrainReadiness implements HealthCheck {

    private final Drain drain;
    private final GatewayMetrics metrics;

    public DrainReadiness(Drain drain, GatewayMetrics metrics) {
        this.drain = drain;
        this.metrics = metrics;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("voice-gateway accepting calls")
                .status(!drain.isDraining())
                .withData("activeCalls", metrics.activeCalls())
                .build();
    }
}
