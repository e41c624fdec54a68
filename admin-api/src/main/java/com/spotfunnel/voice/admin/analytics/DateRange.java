package com.spotfunnel.voice.admin.analytics;

import com.spotfunnel.voice.support.problem.InvalidInputException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** An inclusive range of UTC days from the query ({@code from}, {@code to} as {@code 2026-11-24}). */
public record DateRange(LocalDate from, LocalDate to) {

    /** Missing bounds default to the last 30 days up to today. */
    public static DateRange parse(String from, String to, int maxDays) {
        LocalDate end = to == null || to.isBlank() ? LocalDate.now(ZoneOffset.UTC) : date(to, "to");
        LocalDate start = from == null || from.isBlank() ? end.minusDays(29) : date(from, "from");
        if (start.isAfter(end)) {
            throw new InvalidInputException("from", "must not be after to");
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > maxDays) {
            throw new InvalidInputException("to", "the range may cover at most " + maxDays + " days");
        }
        return new DateRange(start, end);
    }

    public List<LocalDate> days() {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.add(day);
        }
        return days;
    }

    private static LocalDate date(String value, String field) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a date such as 2026-11-24");
        }
    }
}
