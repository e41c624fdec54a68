package com.spotfunnel.voice.pipeline.knowledge;

import com.spotfunnel.voice.pipeline.config.PipelineConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Retrieval for the LLM's context: the tenant's knowledge snippets that share the most words with what the
 * caller just said (in memory, no I/O, so it is safe on the event loop). Snippets come from
 * {@code pipeline.knowledge."<tenantId>"}; a tenant without any gets none.
 */
@ApplicationScoped
public class KnowledgeBase {

    private static final int MAX_SNIPPETS = 3;
    private final Map<String, List<String>> snippets;

    public KnowledgeBase(PipelineConfig config) {
        this.snippets = config.knowledge();
    }

    public List<String> relevant(String tenantId, String question) {
        return mostRelevant(snippets.getOrDefault(tenantId, List.of()), question);
    }

    /** The snippets of {@code all} that share the most words with {@code question}, best first. */
    public static List<String> mostRelevant(List<String> all, String question) {
        if (all.isEmpty()) {
            return List.of();
        }
        Set<String> asked = words(question);
        return all.stream()
                .sorted(Comparator.comparingLong((String s) -> -overlap(words(s), asked)))
                .limit(MAX_SNIPPETS)
                .toList();
    }

    private static long overlap(Set<String> a, Set<String> b) {
        return a.stream().filter(b::contains).count();
    }

    private static Set<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> w.length() > 2).collect(Collectors.toSet());
    }
}
