package com.spotfunnel.voice.dashboard.calls;

import java.util.Arrays;
import java.util.Optional;

/** The orders a call list can be sorted in. Each ends with the call id, so the order is total. */
public enum CallSort {
    STARTED_AT_DESC("-startedAt", "c.started_at", true, false),
    STARTED_AT_ASC("startedAt", "c.started_at", false, false),
    DURATION_DESC("-duration", "COALESCE(c.duration_seconds, -1)", true, true),
    DURATION_ASC("duration", "COALESCE(c.duration_seconds, -1)", false, true),
    /**
     * Best full-text match first, ranked within the tenant (CallSql builds its ORDER BY from the search); one page
     * of the best {@code limit} matches, without a cursor.
     */
    RELEVANCE("relevance", null, true, false);

    private final String param;
    private final String expression;
    private final boolean descending;
    private final boolean numeric;

    CallSort(String param, String expression, boolean descending, boolean numeric) {
        this.param = param;
        this.expression = expression;
        this.descending = descending;
        this.numeric = numeric;
    }

    public String param() {
        return param;
    }

    /** SQL from this fixed list only: nothing a client sends reaches the ORDER BY. */
    public String expression() {
        return expression;
    }

    public boolean descending() {
        return descending;
    }

    /** True when the sort key is a number (duration), false when it is a timestamp. */
    public boolean numeric() {
        return numeric;
    }

    public static Optional<CallSort> fromParam(String value) {
        return Arrays.stream(values()).filter(s -> s.param.equals(value)).findFirst();
    }
}
