package com.spotfunnel.voice.admin.common;

import com.spotfunnel.voice.support.problem.InvalidInputException;

/** A resource's version as a strong ETag ({@code "7"}) and back from If-Match. */
public final class Etags {

    private Etags() {}

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * @return the version named by If-Match
     * @throws HttpProblem 428 when the header is missing
     */
    public static long required(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw HttpProblem.ifMatchRequired();
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            long version = Long.parseLong(value);
            if (version > 0) {
                return version;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new InvalidInputException("If-Match", "must be an ETag this API returned, such as \"3\"");
    }

    /** @return null when the header is absent, else the version it names */
    public static Long optional(String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? null : required(ifMatch);
    }
}
