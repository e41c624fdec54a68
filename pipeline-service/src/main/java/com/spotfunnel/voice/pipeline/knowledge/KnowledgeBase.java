package com.spotfunnel.voice.pipeline.knowledge;

import com.spotfunnel.voice.pipeline.config.PipelineConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.oidc.client.OidcClientException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Retrieval for the LLM's context: the tenant's knowledge passages that best match what the caller just said,
 * from admin-api ({@link AdminKnowledgeClient}). Never fails: when admin-api is unreachable, slow, refuses the
 * token or errors, the turn goes on without knowledge and {@code pipeline_knowledge_unavailable_total{reason}}
 * counts it. {@code pipeline.knowledge.enabled=false} turns retrieval off (no request, no count).
 */
@ApplicationScoped
public class KnowledgeBase {

    private static final Logger LOG = Logger.getLogger(KnowledgeBase.class);

    private final AdminKnowledgeClient client;
    private final PipelineConfig.Knowledge config;
    private final MeterRegistry meters;
    /** Logged on the change only, so an outage is one WARN rather than one per turn. */
    private final AtomicBoolean available = new AtomicBoolean(true);

    public KnowledgeBase(AdminKnowledgeClient client, PipelineConfig config, MeterRegistry meters) {
        this.client = client;
        this.config = config.knowledge();
        this.meters = meters;
    }

    /** Up to {@code pipeline.knowledge.max-passages} passage texts, best first; empty when there are none or on failure. */
    public Uni<List<String>> relevant(String tenantId, String question) {
        String query = KnowledgeQuery.of(question);
        if (!config.enabled() || query.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        int limit = config.maxPassages();
        return client.search(tenantId, query, limit)
                .map(passages -> {
                    if (available.compareAndSet(false, true)) {
                        LOG.info("admin-api knowledge search answers again");
                    }
                    // one line per passage: the prompt lists them as "- …" lines
                    return passages == null
                            ? List.<String>of()
                            : passages.stream()
                                    .map(Passage::content)
                                    .filter(text -> text != null && !text.isBlank())
                                    .map(text -> text.strip().replaceAll("\\s+", " "))
                                    .limit(limit)
                                    .toList();
                })
                .onFailure()
                .recoverWithItem(failure -> unavailable(tenantId, failure));
    }

    private List<String> unavailable(String tenantId, Throwable failure) {
        String reason = reasonOf(failure);
        Counter.builder("pipeline_knowledge_unavailable_total")
                .description("turns answered without knowledge because admin-api's search failed")
                .tag("reason", reason)
                .register(meters)
                .increment();
        if (available.compareAndSet(true, false)) {
            LOG.warnf(
                    "admin-api knowledge search unavailable (%s: %s); answering without knowledge until it is back",
                    reason, failure.getMessage());
        } else {
            LOG.debugf("Tenant %s: no knowledge for this turn (%s)", tenantId, reason);
        }
        return List.of();
    }

    static String reasonOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TimeoutException || t instanceof java.util.concurrent.TimeoutException) {
                return "timeout";
            }
            if (t instanceof CircuitBreakerOpenException) {
                return "circuit_open";
            }
            if (t instanceof OidcClientException) {
                return "token";
            }
            if (t instanceof WebApplicationException web && web.getResponse() != null) {
                int status = web.getResponse().getStatus();
                return status == 401 || status == 403 ? "unauthorized" : status >= 500 ? "http_5xx" : "http_4xx";
            }
            if (t instanceof ConnectException
                    || t instanceof UnknownHostException
                    || t.getClass().getName().endsWith("ConnectTimeoutException")) {
                return "connect";
            }
        }
        return "error";
    }
}
