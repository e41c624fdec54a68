package com.spotfunnel.voice.support.redaction;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;

/**
 * Masks what must never leave the process in a log line or an error report: callers' phone numbers and the values
 * of this service's secrets. Phone numbers: E.164 ({@code +14155550100}, also URL-encoded {@code %2B1415...}),
 * spaced or dashed international and North-American forms. A digit run glued to letters (a Twilio Call SID, a UUID)
 * is not a phone number and stays.
 */
public final class SensitiveText {

    public static final String PHONE_MASK = "[phone]";
    public static final String SECRET_MASK = "[secret]";

    /** Shorter values would mask ordinary words; no real secret is this short. */
    static final int MIN_SECRET_LENGTH = 6;

    private static final Pattern PHONE = Pattern.compile(String.join(
            "|",
            // +CC… with optional single separators: +1 415 555 0100, +44-20-7946-0958, +14155550100
            "(?<![\\w+%])\\+\\d(?:[ .\\-]?\\(?\\d\\)?){6,14}(?!\\w)",
            // URL-encoded plus (form bodies, query strings): %2B14155550100
            "(?i:%2B)\\d{7,15}(?!\\w)",
            // North-American national form: (415) 555-0100, 415-555-0100, 415.555.0100
            "(?<![\\w+])\\(?\\d{3}\\)?[ .\\-]\\d{3}[ .\\-]\\d{4}(?!\\w)"));

    private final List<String> secrets;

    private SensitiveText(List<String> secrets) {
        // Longest first, so a secret that contains another is masked whole.
        this.secrets = secrets.stream()
                .filter(s -> s != null && s.length() >= MIN_SECRET_LENGTH)
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    public static SensitiveText of(List<String> secretValues) {
        return new SensitiveText(secretValues);
    }

    /** The values of the named settings (for example {@code TWILIO_AUTH_TOKEN}) that are set in {@code config}. */
    public static SensitiveText fromSettings(Config config, List<String> secretSettings) {
        return of(secretSettings.stream()
                .map(name -> config.getOptionalValue(name, String.class))
                .flatMap(Optional::stream)
                .toList());
    }

    public String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = text;
        for (String secret : secrets) {
            if (masked.contains(secret)) {
                masked = masked.replace(secret, SECRET_MASK);
            }
        }
        return PHONE.matcher(masked).replaceAll(PHONE_MASK);
    }
}
