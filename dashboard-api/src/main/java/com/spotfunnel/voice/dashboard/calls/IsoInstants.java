package com.spotfunnel.voice.dashboard.calls;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Formats an instant exactly as {@link DateTimeFormatter#ISO_INSTANT} (and Jackson's default for {@link Instant})
 * does, without the formatter's general machinery: a call list writes two instants per call, and formatting them
 * was about a tenth of the app's CPU per list request (docs/benchmarks/dashboard.md).
 */
final class IsoInstants {

    private IsoInstants() {}

    static String format(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            return DateTimeFormatter.ISO_INSTANT.format(instant);
        }
        char[] out = new char[30];
        int i = digits(out, 0, year, 4);
        out[i++] = '-';
        i = digits(out, i, t.getMonthValue(), 2);
        out[i++] = '-';
        i = digits(out, i, t.getDayOfMonth(), 2);
        out[i++] = 'T';
        i = digits(out, i, t.getHour(), 2);
        out[i++] = ':';
        i = digits(out, i, t.getMinute(), 2);
        out[i++] = ':';
        i = digits(out, i, t.getSecond(), 2);
        int nano = instant.getNano();
        if (nano != 0) {
            out[i++] = '.';
            if (nano % 1_000_000 == 0) {
                i = digits(out, i, nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                i = digits(out, i, nano / 1_000, 6);
            } else {
                i = digits(out, i, nano, 9);
            }
        }
        out[i++] = 'Z';
        return new String(out, 0, i);
    }

    private static int digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }
}
