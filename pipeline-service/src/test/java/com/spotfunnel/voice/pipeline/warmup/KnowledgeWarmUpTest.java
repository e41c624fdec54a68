package com.spotfunnel.voice.pipeline.warmup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spotfunnel.voice.pipeline.knowledge.KnowledgeSearchApi;
import com.spotfunnel.voice.pipeline.knowledge.Passage;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The knowledge warm-up on a real Vert.x against a stand-in for admin-api's search: it makes its searches for the
 * tenant that cannot exist, a few at a time; it waits for an admin-api that is not up yet; it gives up at its timeout
 * and lets readiness go UP; off, it makes none.
 */
class KnowledgeWarmUpTest {

    private static final String NO_SUCH_TENANT = "_warm-up-no-such-tenant";

    private final Vertx vertx = Vertx.vertx();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private final Set<String> tenants = ConcurrentHashMap.newKeySet();
    private final Set<String> queries = ConcurrentHashMap.newKeySet();
    /** admin-api answers (an empty list, 5 ms later) once this is true; before, the connection is refused. */
    private final AtomicBoolean adminApiUp = new AtomicBoolean(true);

    private final KnowledgeSearchApi adminApi = (tenantId, query, limit) -> {
        requests.incrementAndGet();
        tenants.add(tenantId);
        queries.add(query);
        if (!adminApiUp.get()) {
            return Uni.createFrom().failure(new ConnectException("Connection refused"));
        }
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        return Uni.createFrom()
                .item(List.<Passage>of())
                .onItem()
                .delayIt()
                .by(Duration.ofMillis(5))
                .eventually(inFlight::decrementAndGet);
    };

    @AfterEach
    void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    /** A knowledge warm-up that makes no search (readiness depends on the call warm-up alone). */
    static KnowledgeWarmUp none(Vertx vertx) {
        KnowledgeWarmUp none = new KnowledgeWarmUp(
                (tenantId, query, limit) -> Uni.createFrom().failure(new AssertionError("no search expected")),
                vertx,
                0,
                1,
                3,
                Duration.ofSeconds(1),
                Duration.ofMillis(10),
                NO_SUCH_TENANT);
        none.start();
        return none;
    }

    private KnowledgeWarmUp warmUp(int searches, Duration timeout) {
        return new KnowledgeWarmUp(adminApi, vertx, searches, 4, 3, timeout, Duration.ofMillis(50), NO_SUCH_TENANT);
    }

    @Test
    void itMakesItsSearchesForTheTenantThatCannotExistAFewAtATime() {
        KnowledgeWarmUp warmUp = warmUp(60, Duration.ofSeconds(20));
        warmUp.start();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(warmUp::finished);

        assertEquals(60, requests.get());
        assertEquals(60, warmUp.answered());
        assertEquals(Set.of(NO_SUCH_TENANT), tenants);
        assertEquals(KnowledgeWarmUp.QUESTIONS.size(), queries.size(), "each question, as a turn would ask it");
        assertTrue(queries.contains("what or are or your or opening or hours or saturday"), queries.toString());
        assertTrue(mostInFlight.get() > 1 && mostInFlight.get() <= 4, "in flight at once: " + mostInFlight.get());
    }

    @Test
    void itWaitsForAnAdminApiThatIsNotUpYet() {
        adminApiUp.set(false);
        KnowledgeWarmUp warmUp = warmUp(20, Duration.ofSeconds(20));
        WarmUpReadiness readiness = new WarmUpReadiness(noCallWarmUp(), warmUp);
        warmUp.start();

        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> requests.get() >= 3);
        assertFalse(warmUp.finished());
        assertEquals(HealthCheckResponse.Status.DOWN, readiness.call().getStatus());
        adminApiUp.set(true);

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(warmUp::finished);
        assertEquals(HealthCheckResponse.Status.UP, readiness.call().getStatus());
        assertEquals(20, requests.get(), "the refused tries count among the searches");
        assertTrue(warmUp.answered() >= 1 && warmUp.answered() <= 17, "answered: " + warmUp.answered());
    }

    @Test
    void anAdminApiThatNeverAnswersIsGivenUpAtTheTimeout() {
        adminApiUp.set(false);
        KnowledgeWarmUp warmUp = warmUp(300, Duration.ofMillis(400));
        WarmUpReadiness readiness = new WarmUpReadiness(noCallWarmUp(), warmUp);
        long start = System.nanoTime();
        warmUp.start();

        Awaitility.await().atMost(Duration.ofSeconds(5)).until(warmUp::finished);
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(tookMs >= 350 && tookMs < 3000, "given up after " + tookMs + " ms");
        assertEquals(HealthCheckResponse.Status.UP, readiness.call().getStatus());
        assertEquals(0, warmUp.answered());
        int tries = requests.get();
        assertTrue(tries >= 2 && tries <= 12, "one try every 50 ms: " + tries);
        // no more tries once given up
        Awaitility.await().during(Duration.ofMillis(300)).until(() -> requests.get() == tries);
    }

    @Test
    void offItMakesNoSearch() {
        KnowledgeWarmUp warmUp = warmUp(0, Duration.ofSeconds(20));
        warmUp.start();
        assertTrue(warmUp.finished());
        assertEquals(0, requests.get());
    }

    private WarmUp noCallWarmUp() {
        WarmUp calls = new WarmUp(vertx, null, null, 0, 1500, Duration.ofSeconds(60));
        calls.start();
        return calls;
    }
}
