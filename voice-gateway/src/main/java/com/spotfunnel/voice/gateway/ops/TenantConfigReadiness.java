package com.spotfunnel.voice.gateway.ops;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness is DOWN until every tenant published before this instance started is known ({@link TenantConfigCatchUp}). */
@Readiness
@ApplicationScoped
public class TenantConfigReadiness implements HealthCheck {

    private final TenantConfigCatchUp catchUp;

    public TenantConfigReadiness(TenantConfigCatchUp catchUp) {
        this.catchUp = catchUp;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("voice-gateway tenant-config read")
                .status(catchUp.caughtUp())
                .withData("endOffsetsKnown", catchUp.endOffsetsKnown())
                .build();
    }
}
