package com.spotfunnel.voice.dashboard.calls;

import java.time.Instant;
import java.util.List;

/**
 * A checked call query: every value here has been validated and only ever reaches SQL as a parameter.
 *
 * @param from           inclusive, or null
 * @param to             exclusive, or null
 * @param statuses       empty = any
 * @param requiresAction null = either
 * @param search         null = no search
 * @param cursor         null = first page
 */
public record CallFilter(
        String tenantId,
        Instant from,
        Instant to,
        List<String> statuses,
        String outcome,
        Boolean requiresAction,
        ArchivedFilter archived,
        String search,
        CallSort sort,
        Cursor cursor,
        int limit) {

    public CallFilter withRequiresAction(Boolean value) {
        return new CallFilter(tenantId, from, to, statuses, outcome, value, archived, search, sort, cursor, limit);
    }
}
