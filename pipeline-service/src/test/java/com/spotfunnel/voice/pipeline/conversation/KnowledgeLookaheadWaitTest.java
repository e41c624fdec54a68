package com.spotfunnel.voice.pipeline.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * An answer waits for the knowledge search started on the caller's interim words at most the configured time once
 * the caller has finished; a search done by then serves the answer, one still under way is let go (counted).
 */
class KnowledgeLookaheadWaitTest {

    private static final Duration WAIT = Duration.ofMillis(50);

    private final ConversationRig.Metrics metrics = new ConversationRig.Metrics();
    private final List<String> searched = new ArrayList<>();
    private final AtomicReference<UniEmitter<? super List<String>>> pending = new AtomicReference<>();

    /** A search that answers only when the test says so. */
    private Uni<List<String>> search(String words) {
        searched.add(words);
        return Uni.createFrom().<List<String>>emitter(emitter -> pending.set(emitter));
    }

    @Test
    void anEarlySearchDoneBeforeTheEndServesTheAnswerAtOnce() {
        KnowledgeLookahead lookahead = new KnowledgeLookahead(this::search, metrics, WAIT, Duration.ZERO);
        lookahead.heard("what are your opening hours");
        pending.get().complete(List.of("Open 8 to 5."));

        List<String> passages =
                lookahead.forUtterance("What are your opening hours?").await().atMost(Duration.ofSeconds(1));

        assertEquals(List.of("Open 8 to 5."), passages);
        assertEquals(1, searched.size(), "no second search");
        assertEquals(0, metrics.lookaheadsLate);
    }

    @Test
    void anEarlySearchThatAnswersWithinTheWaitStillServesTheAnswer() {
        KnowledgeLookahead lookahead =
                new KnowledgeLookahead(this::search, metrics, Duration.ofSeconds(5), Duration.ZERO);
        lookahead.heard("what are your opening hours");
        Uni<List<String>> answer = lookahead.forUtterance("What are your opening hours?");
        pending.get().complete(List.of("Open 8 to 5."));

        assertEquals(List.of("Open 8 to 5."), answer.await().atMost(Duration.ofSeconds(1)));
        assertEquals(0, metrics.lookaheadsLate);
    }

    @Test
    void anEarlySearchStillUnderWayIsWaitedForOnlyTheConfiguredTime() {
        KnowledgeLookahead lookahead = new KnowledgeLookahead(this::search, metrics, WAIT, Duration.ZERO);
        lookahead.heard("what are your opening hours");

        long started = System.nanoTime();
        List<String> passages =
                lookahead.forUtterance("What are your opening hours?").await().atMost(Duration.ofSeconds(2));
        long waitedMillis = (System.nanoTime() - started) / 1_000_000;

        assertEquals(List.of(), passages, "the answer goes on without knowledge");
        assertTrue(waitedMillis >= WAIT.toMillis() && waitedMillis < 1_500, "waited " + waitedMillis + " ms");
        assertEquals(1, metrics.lookaheadsLate);
        assertEquals(List.of(true), metrics.lookaheads, "the early search was the one asked");
        assertEquals(1, searched.size(), "not searched again");
    }

    @Test
    void anEarlySearchStartedJustBeforeTheEndGetsItsMinimumRun() {
        Duration minRun = Duration.ofMillis(400);
        KnowledgeLookahead lookahead = new KnowledgeLookahead(this::search, metrics, WAIT, minRun);
        lookahead.heard("what are your opening hours");
        Uni<List<String>> answer = lookahead.forUtterance("What are your opening hours?");
        AtomicReference<List<String>> got = new AtomicReference<>();
        answer.subscribe().with(got::set);

        sleep(WAIT.toMillis() * 3); // past the wait after the end, short of the minimum run
        assertEquals(null, got.get(), "a search this young is still waited for");
        pending.get().complete(List.of("Open 8 to 5."));
        assertEquals(List.of("Open 8 to 5."), got.get());
        assertEquals(0, metrics.lookaheadsLate);
    }

    @Test
    void anEarlySearchPastItsMinimumRunIsLetGoAfterTheWait() {
        Duration minRun = Duration.ofMillis(100);
        KnowledgeLookahead lookahead = new KnowledgeLookahead(this::search, metrics, WAIT, minRun);
        lookahead.heard("what are your opening hours");

        long started = System.nanoTime();
        List<String> passages =
                lookahead.forUtterance("What are your opening hours?").await().atMost(Duration.ofSeconds(2));
        long waitedMillis = (System.nanoTime() - started) / 1_000_000;

        assertEquals(List.of(), passages);
        assertTrue(waitedMillis >= minRun.toMillis() - 5 && waitedMillis < 1_500, "waited " + waitedMillis + " ms");
        assertEquals(1, metrics.lookaheadsLate);
    }

    @Test
    void aSearchStartedOnlyAtTheEndIsNotCutShort() {
        KnowledgeLookahead lookahead = new KnowledgeLookahead(this::search, metrics, WAIT, Duration.ZERO);
        lookahead.heard("what about parking");
        Uni<List<String>> answer = lookahead.forUtterance("What are your opening hours?");
        AtomicReference<List<String>> got = new AtomicReference<>();
        answer.subscribe().with(got::set);

        assertEquals(2, searched.size(), "the final words were searched again");
        sleep(WAIT.toMillis() * 3);
        assertEquals(null, got.get(), "still waiting for the search made at the end (its own timeout applies)");
        pending.get().complete(List.of("Open 8 to 5."));
        assertEquals(List.of("Open 8 to 5."), got.get());
        assertEquals(0, metrics.lookaheadsLate);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
