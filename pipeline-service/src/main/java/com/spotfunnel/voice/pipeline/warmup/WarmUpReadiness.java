package com.spotfunnel.voice.pipeline.warmup;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness is DOWN until the start-up warm-ups are over ({@link WarmUp}, {@link KnowledgeWarmUp}), so no call meets
 * a cold JIT. The knowledge warm-up never waits longer than the call warm-up's timeout.
 */
@Readiness
@ApplicationScoped
public class WarmUpReadiness implements HealthCheck {

    private final WarmUp warmUp;
    private final KnowledgeWarmUp knowledge;

    public WarmUpReadiness(WarmUp warmUp, KnowledgeWarmUp knowledge) {
        this.warmUp = warmUp;
        this.knowledge = knowledge;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("pipeline-service warmed up")
                .status(warmUp.finished() && knowledge.finished())
                .withData("callerFramesHeard", warmUp.heard())
                .withData("knowledgeSearchesAnswered", knowledge.answered())
                .build();
    }
}
