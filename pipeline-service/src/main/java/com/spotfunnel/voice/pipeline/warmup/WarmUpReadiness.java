package com.spotfunnel.voice.pipeline.warmup;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness is DOWN until the start-up warm-up is over ({@link WarmUp}), so no call meets a cold JIT. */
@Readiness
@ApplicationScoped
public class WarmUpReadiness implements HealthCheck {

    private final WarmUp warmUp;

    public WarmUpReadiness(WarmUp warmUp) {
        this.warmUp = warmUp;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("pipeline-service warmed up")
                .status(warmUp.finished())
                .withData("callerFramesHeard", warmUp.heard())
                .build();
    }
}
