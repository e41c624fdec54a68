package com.spotfunnel.voice.dashboard.calls;

import com.spotfunnel.voice.dashboard.config.DashboardConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns {@link CallQueryParams} into a checked {@link CallFilter}, or a 400 naming every bad parameter. */
@ApplicationScoped
public class CallFilterParser {

    static final Set<String> STATUSES = Set.of("in_progress", "completed", "failed", "transferred", "abandoned");
    private static final Pattern OUTCOME = Pattern.compile("[a-z0-9_]{1,64}");

    private final DashboardConfig config;

    public CallFilterParser(DashboardConfig config) {
        this.config = config;
    }

    public CallFilter parse(String tenantId, CallQueryParams params) {
        InputErrors errors = new InputErrors();
        Instant from = errors.instant("from", params.from, false);
        Instant to = errors.instant("to", params.to, true);
        if (from != null && to != null && !from.isBefore(to)) {
            errors.add("to", "must be after from");
        }
        List<String> statuses = statuses(errors, params.status);
        String outcome = blankToNull(params.outcome);
        if (outcome != null && !OUTCOME.matcher(outcome).matches()) {
            errors.add("outcome", "must be 1-64 lower-case letters, digits or '_'");
        }
        Boolean requiresAction = errors.bool("requiresAction", params.requiresAction);
        ArchivedFilter archived = archived(errors, params.archived);
        String search = search(errors, params.q);
        CallSort sort = CallSort.STARTED_AT_DESC;
        if (params.sort != null && !params.sort.isBlank()) {
            Optional<CallSort> parsed = CallSort.fromParam(params.sort);
            if (parsed.isEmpty()) {
                errors.add("sort", "must be one of -startedAt, startedAt, -duration, duration, relevance");
            } else {
                sort = parsed.get();
            }
        }
        if (sort == CallSort.RELEVANCE
                && (search == null || CallSearch.phoneDigits(search).isPresent())) {
            errors.add("sort", "relevance needs a text search (q with words, not a phone number)");
        }
        Cursor cursor = cursor(errors, params.cursor, sort);
        if (sort == CallSort.RELEVANCE && cursor != null) {
            errors.add("cursor", "a relevance search is one page; it has no next page");
        }
        int limit = errors.integer(
                "limit",
                params.limit,
                Math.min(config.defaultPageSize(), config.maxPageSize()),
                1,
                config.maxPageSize());
        errors.throwIfAny();
        return new CallFilter(
                tenantId, from, to, statuses, outcome, requiresAction, archived, search, sort, cursor, limit);
    }

    private static List<String> statuses(InputErrors errors, String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<String> statuses =
                Arrays.stream(value.split(",")).map(String::trim).distinct().toList();
        for (String status : statuses) {
            if (!STATUSES.contains(status)) {
                errors.add("status", "must be one or more of in_progress, completed, failed, transferred, abandoned");
                return List.of();
            }
        }
        return statuses;
    }

    private static ArchivedFilter archived(InputErrors errors, String value) {
        if (value == null || value.isBlank()) {
            return ArchivedFilter.EXCLUDE;
        }
        try {
            return ArchivedFilter.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add("archived", "must be exclude, include or only");
            return ArchivedFilter.EXCLUDE;
        }
    }

    private String search(InputErrors errors, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > config.maxSearchLength()) {
            errors.add("q", "must be at most " + config.maxSearchLength() + " characters");
            return null;
        }
        if (trimmed.chars().anyMatch(c -> c == 0)) {
            errors.add("q", "must not contain NUL characters");
            return null;
        }
        return trimmed;
    }

    private static Cursor cursor(InputErrors errors, String value, CallSort sort) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Optional<Cursor> cursor = Cursor.decode(value);
        if (cursor.isEmpty()) {
            errors.add("cursor", "is not a cursor this API returned");
            return null;
        }
        if (cursor.get().sort() != sort) {
            errors.add("cursor", "was made for sort " + cursor.get().sort().param());
            return null;
        }
        return cursor.get();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
