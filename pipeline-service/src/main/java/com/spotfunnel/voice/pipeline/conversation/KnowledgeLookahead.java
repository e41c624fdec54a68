package com.spotfunnel.voice.pipeline.conversation;

import com.spotfunnel.voice.pipeline.knowledge.KnowledgeQuery;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.function.Function;

/**
 * One call's knowledge lookup, started while the caller is still speaking. A recognizer's interim result usually
 * holds every word of the utterance hundreds of milliseconds before the endpoint, so searching then takes
 * admin-api's round trip off the turn's critical path (it was the largest variable step between the caller's last
 * word and the agent's first). The early result is used only when the final words make the same search query;
 * otherwise the search is made again with the final words, so the answer never rests on words the caller did not
 * say. A search is started only when the query changes, so repeated interim results cost nothing more.
 * Not thread-safe: the conversation calls it under its lock.
 */
final class KnowledgeLookahead {

    /** A search under way (or done) for {@code query}, the admin-api query of the words heard so far. */
    private record Early(String query, Uni<List<String>> passages) {}

    private final Function<String, Uni<List<String>>> search;
    private final ConversationMetrics metrics;
    private Early early;

    KnowledgeLookahead(Function<String, Uni<List<String>>> search, ConversationMetrics metrics) {
        this.search = search;
        this.metrics = metrics;
    }

    /** The caller's words so far: starts their search unless the same query is already under way. */
    void heard(String words) {
        String query = KnowledgeQuery.of(words);
        if (query.isEmpty() || early != null && early.query().equals(query)) {
            return;
        }
        early = new Early(query, search.apply(words).memoize().indefinitely());
        early.passages().subscribe().with(passages -> {}); // start now; the search never fails
    }

    /** The utterance is answered without the LLM (goodbye, transfer): its early search is of no use. */
    void discard() {
        early = null;
    }

    /** The knowledge for the final utterance: the early search when it asked the same, else a new search. */
    Uni<List<String>> forUtterance(String utterance) {
        Early started = early;
        early = null;
        if (started == null) {
            return search.apply(utterance);
        }
        boolean same = started.query().equals(KnowledgeQuery.of(utterance));
        metrics.lookahead(same);
        return same ? started.passages() : search.apply(utterance);
    }
}
