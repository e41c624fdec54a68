package com.spotfunnel.voice.pipeline.knowledge;

import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The guarded call to admin-api's knowledge search. It sits on the caller's turn (before the LLM is asked), so it
 * gets a short timeout, no retry, and a breaker that skips admin-api at once while it is down. Every timing is
 * overridable as {@code quarkus.fault-tolerance."com.spotfunnel.voice.pipeline.knowledge.AdminKnowledgeClient/search".*}.
 */
@ApplicationScoped
public class AdminKnowledgeClient {

    private final KnowledgeSearchApi api;

    public AdminKnowledgeClient(@RestClient KnowledgeSearchApi api) {
        this.api = api;
    }

    @NonBlocking
    @Timeout(500)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000, successThreshold = 1)
    @CircuitBreakerName("admin-api-knowledge")
    public Uni<List<Passage>> search(String tenantId, String query, int limit) {
        return api.search(tenantId, query, limit);
    }
}
