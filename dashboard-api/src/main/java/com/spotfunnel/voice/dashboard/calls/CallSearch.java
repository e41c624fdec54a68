package com.spotfunnel.voice.dashboard.calls;

import java.util.Optional;
import java.util.regex.Pattern;

/** What kind of search a {@code q} is: a fragment of a phone number, or words for full-text search. */
public final class CallSearch {

    private static final Pattern PHONE_LIKE = Pattern.compile("[0-9+()\\-. ]+");

    private CallSearch() {}

    /**
     * The digits to look for when {@code q} looks like a phone number (only digits, spaces and {@code + ( ) - .},
     * at least 3 digits); empty when it is text.
     */
    public static Optional<String> phoneDigits(String q) {
        String digits = q.replaceAll("[^0-9]", "");
        return digits.length() >= 3 && PHONE_LIKE.matcher(q).matches() ? Optional.of(digits) : Optional.empty();
    }
}
