package com.spotfunnel.voice.pipeline.knowledge;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Ranks a handful of passages held in memory by the words they share with a question: for draft knowledge an
 * operator tries in a stress test before saving it (saved knowledge is searched by admin-api).
 */
public final class WordOverlap {

    private WordOverlap() {}

    /** Up to {@code limit} of {@code all}, those sharing the most words with {@code question} first. */
    public static List<String> mostRelevant(List<String> all, String question, int limit) {
        Set<String> asked = words(question);
        return all.stream()
                .sorted(Comparator.comparingLong((String s) -> -overlap(words(s), asked)))
                .limit(limit)
                .toList();
    }

    private static long overlap(Set<String> a, Set<String> b) {
        return a.stream().filter(b::contains).count();
    }

    private static Set<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> w.length() > 2)
                .collect(Collectors.toSet());
    }
}
