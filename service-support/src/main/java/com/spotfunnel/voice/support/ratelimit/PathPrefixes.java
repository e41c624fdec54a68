package com.spotfunnel.voice.support.ratelimit;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Path prefixes as the rate limits are configured: {@code /twilio/} covers every path starting so, and {@code *}
 * stands for exactly one path segment, so {@code /tenants/*}{@code /knowledge/search} covers every tenant's search.
 */
final class PathPrefixes {

    private final List<Pattern> prefixes;

    PathPrefixes(List<String> prefixes) {
        this.prefixes = prefixes.stream().map(PathPrefixes::compile).toList();
    }

    boolean covers(String path) {
        if (path == null) {
            return false;
        }
        for (Pattern prefix : prefixes) {
            if (prefix.matcher(path).lookingAt()) {
                return true;
            }
        }
        return false;
    }

    private static Pattern compile(String prefix) {
        StringBuilder regex = new StringBuilder();
        String[] literals = prefix.split("\\*", -1);
        for (int i = 0; i < literals.length; i++) {
            if (i > 0) {
                regex.append("[^/]+");
            }
            regex.append(Pattern.quote(literals[i]));
        }
        return Pattern.compile(regex.toString());
    }
}
