package com.spotfunnel.voice.pipeline.conversation;

import com.spotfunnel.voice.pipeline.knowledge.KnowledgeQuery;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * One call's knowledge lookup, started while the caller is still speaking. A recognizer's interim result usually
 * holds every word of the utterance hundreds of milliseconds before the endpoint, so searching then takes
 * admin-api's round trip off the turn's critical path (it was the largest variable step between the caller's last
 * word and the agent's first). The early result is used only when the final words make the same search query;
 * otherwise the search is made again with the final words, so the answer never rests on words the caller did not
 * say. A search is started only when the query changes, so repeated interim results cost nothing more.
 *
 * <p>An early search still under way when the caller has finished is waited for at most {@code wait}
 * ({@code pipeline.knowledge.lookahead-wait}) more, once it has run {@code minRun}
 * ({@code pipeline.knowledge.lookahead-min-run}) since it started: a search that has had the endpointing silence and
 * is still not done means admin-api is slow, and the answer goes on without knowledge
 * ({@code pipeline_knowledge_lookahead_late_total}) rather than keep the caller waiting up to the search's own
 * timeout. A search started on interim words that came just before the end gets its {@code minRun} all the same. A search started only at the end (no early one, or other words)
 * keeps that timeout: there is no earlier moment it could have been asked.
 * Not thread-safe: the conversation calls it under its lock.
 */
final class KnowledgeLookahead {

    /** A search under way (or done) for {@code query}, the admin-api query of the words heard so far. */
    private record Early(String query, Uni<List<String>> passages, long startedNanos, AtomicLong doneNanos) {

        boolean done() {
            return doneNanos.get() != 0;
        }

        long doneAt() {
            return doneNanos.get();
        }
    }

    private final Function<String, Uni<List<String>>> search;
    private final ConversationMetrics metrics;
    private final Duration wait;
    private final Duration minRun;
    private Early early;

    KnowledgeLookahead(
            Function<String, Uni<List<String>>> search, ConversationMetrics metrics, Duration wait, Duration minRun) {
        this.search = search;
        this.metrics = metrics;
        this.wait = wait;
        this.minRun = minRun;
    }

    /** The caller's words so far: starts their search unless the same query is already under way. */
    void heard(String words) {
        String query = KnowledgeQuery.of(words);
        if (query.isEmpty() || early != null && early.query().equals(query)) {
            return;
        }
        AtomicLong done = new AtomicLong(); // set on whichever thread the search answers
        early = new Early(query, search.apply(words).memoize().indefinitely(), System.nanoTime(), done);
        early.passages().subscribe().with(passages -> done.set(System.nanoTime())); // start now; it never fails
    }

    /** {@code wait}, or longer while the search is younger than {@code minRun}. */
    private Duration waitFor(Early started) {
        Duration untilMinRun = minRun.minusNanos(System.nanoTime() - started.startedNanos());
        return untilMinRun.compareTo(wait) > 0 ? untilMinRun : wait;
    }

    /** The utterance is answered without the LLM (goodbye, transfer): its early search is of no use. */
    void discard() {
        early = null;
    }

    /** The knowledge for the final utterance: the early search when it asked the same, else a new search. */
    Uni<List<String>> forUtterance(String utterance) {
        return forUtterance(utterance, null);
    }

    /** The same, noting in {@code trace} (when not null) when the search started and ended. */
    Uni<List<String>> forUtterance(String utterance, TurnTrace.Reply trace) {
        Early started = early;
        early = null;
        boolean same = started != null && started.query().equals(KnowledgeQuery.of(utterance));
        if (started != null) {
            metrics.lookahead(same);
        }
        if (same) {
            if (trace != null) {
                trace.early = true;
                trace.searchStartedNanos = started.startedNanos();
                trace.searchDoneNanos = started.doneAt();
            }
            if (started.done()) {
                return started.passages();
            }
            return started.passages()
                    .invoke(passages -> {
                        if (trace != null) {
                            trace.searchDoneNanos = System.nanoTime();
                        }
                    })
                    .ifNoItem()
                    .after(waitFor(started))
                    .recoverWithItem(() -> {
                        metrics.lookaheadLate();
                        return List.of();
                    });
        }
        if (trace == null) {
            return search.apply(utterance);
        }
        trace.searchStartedNanos = System.nanoTime();
        return search.apply(utterance).invoke(passages -> trace.searchDoneNanos = System.nanoTime());
    }
}
