package com.spotfunnel.voice.support.input;

import com.spotfunnel.voice.support.problem.InvalidInputException;

/**
 * Query parameters read as text and checked here, so a bad value is a 400 naming the parameter: JAX-RS would answer
 * {@code limit=abc} on an {@code int} parameter with 404, and read {@code flag=maybe} on a {@code boolean} as false.
 */
public final class QueryValues {

    private QueryValues() {}

    /** A whole number in [min, max]; absent or blank → the fallback. */
    public static int integer(String field, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "must be a whole number between " + min + " and " + max);
        }
        if (parsed < min || parsed > max) {
            throw new InvalidInputException(field, "must be between " + min + " and " + max);
        }
        return parsed;
    }

    /** {@code true} or {@code false} exactly; absent or blank → the fallback. */
    public static boolean bool(String field, String value, boolean fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidInputException(field, "must be true or false");
        };
    }
}
