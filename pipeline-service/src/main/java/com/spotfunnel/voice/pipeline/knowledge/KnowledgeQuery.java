package com.spotfunnel.voice.pipeline.knowledge;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns what the caller said into admin-api's search query. admin-api uses PostgreSQL's
 * {@code websearch_to_tsquery}, where plain words must all match; a spoken question ("hi, what are your opening
 * hours?") would then find nothing, so its words are joined with {@code or} and the ranking picks the best chunk.
 */
public final class KnowledgeQuery {

    /** admin-api refuses longer queries. */
    static final int MAX_CHARS = 500;

    private KnowledgeQuery() {}

    /** The query, or an empty string when the words give nothing to search for. */
    public static String of(String spoken) {
        if (spoken == null) {
            return "";
        }
        Set<String> words = Arrays.stream(spoken.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(word -> word.length() > 2 && !word.equals("or") && !word.equals("and") && !word.equals("not"))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        StringBuilder query = new StringBuilder();
        for (String word : words) {
            int extra = (query.length() == 0 ? 0 : 4) + word.length();
            if (query.length() + extra > MAX_CHARS) {
                break;
            }
            if (query.length() > 0) {
                query.append(" or ");
            }
            query.append(word);
        }
        return query.toString();
    }
}
