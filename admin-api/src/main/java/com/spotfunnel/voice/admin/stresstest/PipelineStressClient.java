package com.spotfunnel.voice.admin.stresstest;

import com.spotfunnel.voice.events.stress.StressTestRequest;
import com.spotfunnel.voice.events.stress.StressTestRun;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The guarded calls to pipeline-service. Starting a run is not retried (it would start two); reading one is.
 * A refusal (4xx) is an answer, not a failure: it neither opens the breaker nor is retried. Every timing is
 * overridable as {@code quarkus.fault-tolerance."com.spotfunnel.voice.admin.stresstest.PipelineStressClient/<method>".*}.
 */
@ApplicationScoped
public class PipelineStressClient {

    private final PipelineStressApi api;

    public PipelineStressClient(@RestClient PipelineStressApi api) {
        this.api = api;
    }

    @NonBlocking
    @Timeout(5000)
    @CircuitBreaker(
            requestVolumeThreshold = 4,
            failureRatio = 0.5,
            delay = 10_000,
            successThreshold = 1,
            skipOn = PipelineRefused.class)
    @CircuitBreakerName("pipeline-stress-start")
    public Uni<StressTestRun> start(StressTestRequest request) {
        return api.start(request);
    }

    @NonBlocking
    @Timeout(5000)
    @Retry(
            maxRetries = 2,
            delay = 200,
            abortOn = {PipelineRefused.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(
            requestVolumeThreshold = 4,
            failureRatio = 0.5,
            delay = 10_000,
            successThreshold = 1,
            skipOn = PipelineRefused.class)
    @CircuitBreakerName("pipeline-stress-read")
    public Uni<StressTestRun> get(String id) {
        return api.get(id);
    }
}
