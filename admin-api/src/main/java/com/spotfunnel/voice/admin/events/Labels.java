package com.spotfunnel.voice.admin.events;

import java.util.Locale;

/**
 * The reason and outcome taxonomy: free labels from the analysis, normalised so that {@code "Book Appointment"}
 * and {@code "book_appointment"} count as one ({@code unknown} when missing).
 */
public final class Labels {

    static final int MAX_LENGTH = 64;

    private Labels() {}

    public static String normalise(String label) {
        if (label == null || label.isBlank()) {
            return "unknown";
        }
        String normalised = label.strip()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
        if (normalised.isEmpty()) {
            return "unknown";
        }
        return normalised.length() > MAX_LENGTH ? normalised.substring(0, MAX_LENGTH) : normalised;
    }
}
