package com.spotfunnel.voice.support.startup;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Which settings a service cannot run without, read from its own configuration:
 * <ul>
 * <li>{@code spotfunnel.required-settings.always}: names that must always be set, for example
 * {@code KAFKA_BOOTSTRAP_SERVERS,TWILIO_AUTH_TOKEN};</li>
 * <li>{@code spotfunnel.required-settings.features}: what this instance uses (for the pipeline its configured
 * provider order, for admin-api {@code smtp} unless the mock mailer is on), and for each such feature
 * {@code spotfunnel.required-settings.feature.<feature>} the names it needs, for example
 * {@code feature.openai=OPENAI_API_KEY}.</li>
 * </ul>
 * Only the prod profile lists anything, so dev mode and tests need none of it.
 */
final class RequiredSettings {

    static final String ALWAYS = "spotfunnel.required-settings.always";
    static final String FEATURES = "spotfunnel.required-settings.features";
    static final String FEATURE_PREFIX = "spotfunnel.required-settings.feature.";

    private RequiredSettings() {}

    /** The required names that have no non-blank value, in the order they were listed. */
    static List<String> missing(Function<String, Optional<String>> lookup) {
        Set<String> required = new LinkedHashSet<>(list(lookup.apply(ALWAYS)));
        for (String feature : list(lookup.apply(FEATURES))) {
            required.addAll(list(lookup.apply(FEATURE_PREFIX + feature)));
        }
        return required.stream()
                .filter(name -> lookup.apply(name).filter(v -> !v.isBlank()).isEmpty())
                .toList();
    }

    static String refusal(List<String> missing) {
        return "Refusing to start: required setting" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
                + (missing.size() == 1 ? " is" : " are") + " not set (see .env.example)";
    }

    private static List<String> list(Optional<String> value) {
        return value.map(v -> Arrays.stream(v.split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList())
                .orElse(List.of());
    }
}
