package com.spotfunnel.voice.dashboard.calls;

import com.spotfunnel.voice.support.problem.InvalidInputException;
import com.spotfunnel.voice.support.problem.Problem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Collects what is wrong with a request's parameters, so one 400 names every bad field. */
public final class InputErrors {

    private final List<Problem.FieldError> errors = new ArrayList<>();

    public void add(String field, String message) {
        errors.add(new Problem.FieldError(field, message));
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** Instants outside years 1-9999 parse in Java but overflow PostgreSQL's timestamptz (issue 16: a 500). */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /**
     * An ISO date (UTC midnight; as an upper bound, the next midnight so the day is included) or instant, in years
     * 1 to 9999. Null or blank → null.
     */
    public Instant instant(String field, String value, boolean upperBound) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Instant parsed;
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                parsed = (upperBound ? day.plusDays(1) : day)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
            } else {
                parsed = Instant.parse(value);
            }
            if (parsed.isBefore(EARLIEST) || parsed.isAfter(LATEST)) {
                add(field, "must be between the years 1 and 9999");
                return null;
            }
            return parsed;
        } catch (DateTimeParseException e) {
            add(field, "must be an ISO date (2026-11-01) or instant (2026-11-01T08:00:00Z)");
            return null;
        }
    }

    /** A whole number within [min, max]; null or blank → the fallback. */
    public int integer(String field, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min) {
                add(field, "must be at least " + min);
                return fallback;
            }
            return Math.min(parsed, max);
        } catch (NumberFormatException e) {
            add(field, "must be a whole number");
            return fallback;
        }
    }

    /** true or false; null or blank → null. */
    public Boolean bool(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.equals("true") || value.equals("false")) {
            return Boolean.valueOf(value);
        }
        add(field, "must be true or false");
        return null;
    }
}
