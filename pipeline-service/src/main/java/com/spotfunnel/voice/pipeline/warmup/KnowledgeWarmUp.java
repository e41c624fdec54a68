package com.spotfunnel.voice.pipeline.warmup;

import com.spotfunnel.voice.pipeline.config.PipelineConfig;
import com.spotfunnel.voice.pipeline.knowledge.KnowledgeQuery;
import com.spotfunnel.voice.pipeline.knowledge.KnowledgeSearchApi;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Warms the knowledge path before this instance takes calls: the REST client and its token, admin-api's HTTP and JWT
 * check and its search SQL were cold when the first 50 callers after a start met them (docs/benchmarks/voice-load.md,
 * "Cold start after up"). At start it asks admin-api's search {@code pipeline.knowledge.warm-up.searches} times, with
 * the pipeline's own token, for {@code pipeline.knowledge.warm-up.tenant-id}, an id admin-api never gives a tenant, so
 * the search finds nothing and reads no tenant's knowledge.
 *
 * <p>It calls the REST interface directly, not {@code AdminKnowledgeClient}: an admin-api that is not up yet must not
 * open the calls' breaker, and no turn meter ({@code pipeline_knowledge_*}) counts a warm-up search. Best-effort:
 * while admin-api does not answer, one search is retried every {@code retry}; after {@code timeout} (never longer
 * than {@code pipeline.warm-up.timeout}) {@link #finished()} turns true anyway, so readiness never waits longer for
 * it than for the call warm-up.
 */
@ApplicationScoped
public class KnowledgeWarmUp {

    private static final Logger LOG = Logger.getLogger(KnowledgeWarmUp.class);

    /** What callers ask, turned into admin-api's query as a turn does ({@link KnowledgeQuery}). */
    static final List<String> QUESTIONS = List.of(
            "Hi, what are your opening hours on Saturday?",
            "Do you have parking near the office?",
            "How much does a first consultation cost?",
            "Can I book an appointment for tomorrow morning?",
            "Where exactly are you located, which street?",
            "Do you take card payments or only cash?");

    private final KnowledgeSearchApi api;
    private final Vertx vertx;
    private final int searches;
    private final int concurrency;
    private final int limit;
    private final Duration timeout;
    private final Duration retry;
    private final String tenantId;

    private final AtomicBoolean finished = new AtomicBoolean();
    private final AtomicInteger issued = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger workers = new AtomicInteger();
    private final AtomicReference<Throwable> lastFailure = new AtomicReference<>();
    private volatile long startedNanos;
    private volatile long deadlineTimer = -1;

    @Inject
    public KnowledgeWarmUp(@RestClient KnowledgeSearchApi api, Vertx vertx, PipelineConfig config) {
        this(
                api,
                vertx,
                config.knowledge().enabled() ? config.knowledge().warmUp().searches() : 0,
                config.knowledge().warmUp().concurrency(),
                config.knowledge().maxPassages(),
                min(config.knowledge().warmUp().timeout(), config.warmUp().timeout()),
                config.knowledge().warmUp().retry(),
                config.knowledge().warmUp().tenantId());
    }

    KnowledgeWarmUp(
            KnowledgeSearchApi api,
            Vertx vertx,
            int searches,
            int concurrency,
            int limit,
            Duration timeout,
            Duration retry,
            String tenantId) {
        this.api = api;
        this.vertx = vertx;
        this.searches = Math.max(0, searches);
        this.concurrency = Math.max(1, concurrency);
        this.limit = limit;
        this.timeout = timeout;
        this.retry = retry;
        this.tenantId = tenantId;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    /** Runs the searches in the background; {@link #finished()} turns true when they are over or given up. */
    void start() {
        if (searches == 0) {
            finished.set(true);
            return;
        }
        startedNanos = System.nanoTime();
        deadlineTimer = vertx.setTimer(Math.max(1, timeout.toMillis()), id -> finish(false));
        probe();
    }

    /** One search at a time until admin-api answers one; then {@code concurrency} of them side by side. */
    private void probe() {
        if (finished.get()) {
            return;
        }
        search(issued.getAndIncrement())
                .subscribe()
                .with(
                        answer -> {
                            if (issued.get() >= searches) {
                                finish(true);
                                return;
                            }
                            LOG.debugf("admin-api answered the knowledge warm-up after %d ms", elapsedMs());
                            workers.set(concurrency);
                            for (int i = 0; i < concurrency; i++) {
                                next();
                            }
                        },
                        failure -> vertx.setTimer(Math.max(1, retry.toMillis()), id -> probe()));
    }

    private void next() {
        int n = finished.get() ? searches : issued.getAndIncrement();
        if (n >= searches) {
            if (workers.decrementAndGet() == 0) {
                finish(true);
            }
            return;
        }
        search(n).subscribe().with(answer -> next(), failure -> next());
    }

    /** The {@code n}th search; counts it as answered or failed. */
    private Uni<Boolean> search(int n) {
        String query = KnowledgeQuery.of(QUESTIONS.get(n % QUESTIONS.size()));
        return api.search(tenantId, query, limit)
                .map(passages -> {
                    answered.incrementAndGet();
                    return true;
                })
                .onFailure()
                .invoke(failure -> {
                    failed.incrementAndGet();
                    lastFailure.set(failure);
                });
    }

    private void finish(boolean done) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        vertx.cancelTimer(deadlineTimer);
        if (done) {
            LOG.infof(
                    "Knowledge warm-up done in %d ms: %d searches answered by admin-api, %d failed",
                    elapsedMs(), answered.get(), failed.get());
        } else {
            Throwable last = lastFailure.get();
            LOG.warnf(
                    "Knowledge warm-up given up after %s: %d searches answered by admin-api, %d failed%s; taking calls",
                    timeout,
                    answered.get(),
                    failed.get(),
                    last == null ? "" : " (last: " + last.getClass().getSimpleName() + ": " + last.getMessage() + ")");
        }
    }

    private long elapsedMs() {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    /** True once the searches are over (done or given up), or when there are none. */
    public boolean finished() {
        return finished.get();
    }

    /** Warm-up searches admin-api answered so far. */
    public int answered() {
        return answered.get();
    }
}
