package com.spotfunnel.voice.dashboard.projection;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness is DOWN until the start-up warm-up of the projection is over ({@link WarmUp}). */
@Readiness
@ApplicationScoped
public class WarmUpReadiness implements HealthCheck {

    private final WarmUp warmUp;

    public WarmUpReadiness(WarmUp warmUp) {
        this.warmUp = warmUp;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("dashboard-api warmed up")
                .status(warmUp.finished())
                .withData("eventsProjected", warmUp.projected())
                .build();
    }
}
