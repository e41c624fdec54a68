package com.spotfunnel.voice.dashboard.calls;

import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the call list query for a {@link CallFilter}. The SQL text comes only from constants in this
 * class and {@link CallSort}; every value a client sent is a positional parameter, apart from the page size, a
 * validated number written as digits (see {@link #pageRows}).
 */
public final class CallSql {

    /** The columns of a call as lists and exports show it, with the person-written state folded in. */
    public static final String SELECT = """
            SELECT c.call_id, c.call_sid, c.caller_phone, c.direction, c.status, c.started_at, c.ended_at,
                   c.duration_seconds, c.twilio_duration_seconds, c.reason_for_calling, c.summary, c.outcome, c.priority, c.total_cost,
                   ((c.requires_action OR a.marked_at IS NOT NULL) AND a.resolved_at IS NULL) AS open_action,
                   (r.call_id IS NOT NULL) AS archived
              FROM dashboard.call_logs c
              LEFT JOIN dashboard.call_actions a ON a.call_id = c.call_id AND a.tenant_id = c.tenant_id
              LEFT JOIN dashboard.call_archive r ON r.call_id = c.call_id AND r.tenant_id = c.tenant_id
            """;

    /** The call's searchable text: the expression {@code call_logs_tenant_search} indexes (migration V6). */
    static final String DOCUMENT = "(c.search_tsv || c.transcript_tsv)";

    static final String OPEN_ACTION = "((c.requires_action OR a.marked_at IS NOT NULL) AND a.resolved_at IS NULL)";

    private final StringBuilder sql = new StringBuilder(SELECT);
    private final List<Object> args = new ArrayList<>();
    /** The full-text query's SQL once {@link #search} added one (relevance orders by it). */
    private String textQuery;

    private CallSql() {}

    /** The page query: filters, keyset position, order, and limit + 1 (to know whether a next page exists). */
    public static Statement page(CallFilter filter) {
        CallSql q = new CallSql();
        q.where(filter);
        if (filter.cursor() != null) {
            String op = filter.sort().descending() ? "<" : ">";
            q.sql.append(" AND (")
                    .append(filter.sort().expression())
                    .append(", c.call_id) ")
                    .append(op)
                    .append(" (")
                    .append(q.param(sortKey(filter.sort(), filter.cursor().key())))
                    .append(", ")
                    .append(q.param(filter.cursor().callId()))
                    .append(")");
        }
        q.orderBy(filter.sort());
        q.sql.append(" LIMIT ");
        if (filter.requiresAction() == null) {
            q.sql.append(pageRows(filter.limit()));
        } else {
            // requiresAction has no index that holds its order: the one generic plan PostgreSQL would keep reads every
            // call of the tenant and sorts them (right for a 900-call tenant, ~100,000 rows for the largest), so it
            // must stay planned for each tenant; a parameter page size keeps PostgreSQL doing that, as before.
            q.sql.append(q.param(filter.limit() + 1));
        }
        return new Statement(q.sql.toString(), Tuple.from(q.args));
    }

    /** Every matching call in the filter's order, for streaming (export). */
    public static Statement all(CallFilter filter) {
        CallSql q = new CallSql();
        q.where(filter);
        q.orderBy(filter.sort());
        return new Statement(q.sql.toString(), Tuple.from(q.args));
    }

    private void where(CallFilter f) {
        sql.append(" WHERE c.tenant_id = ").append(param(f.tenantId()));
        if (f.from() != null) {
            sql.append(" AND c.started_at >= ").append(param(utc(f.from())));
        }
        if (f.to() != null) {
            sql.append(" AND c.started_at < ").append(param(utc(f.to())));
        }
        if (!f.statuses().isEmpty()) {
            sql.append(" AND c.status = ANY(")
                    .append(param(f.statuses().toArray(String[]::new)))
                    .append(")");
        }
        if (f.outcome() != null) {
            sql.append(" AND c.outcome = ").append(param(f.outcome()));
        }
        if (f.requiresAction() != null) {
            sql.append(f.requiresAction() ? " AND " : " AND NOT ").append(OPEN_ACTION);
        }
        switch (f.archived()) {
            case EXCLUDE -> sql.append(" AND r.call_id IS NULL");
            case ONLY -> sql.append(" AND r.call_id IS NOT NULL");
            case INCLUDE -> {}
        }
        if (f.search() != null) {
            search(f.search());
        }
    }

    /**
     * A query that looks like a phone number (see {@link CallSearch}) matches the caller's number containing those
     * digits: a trigram index on the digits-only number, led by the tenant, answers it. Anything else is PostgreSQL
     * full text over the call's one document (reason and summary, weight A, and the whole transcript), whose GIN
     * index is led by the tenant as well.
     */
    private void search(String text) {
        Optional<String> digits = CallSearch.phoneDigits(text);
        if (digits.isPresent()) {
            sql.append(" AND c.caller_digits LIKE ").append(param("%" + digits.get() + "%"));
            return;
        }
        textQuery = "plainto_tsquery('english', " + param(text) + ")";
        sql.append(" AND ").append(DOCUMENT).append(" @@ ").append(textQuery);
    }

    private void orderBy(CallSort sort) {
        if (sort == CallSort.RELEVANCE) {
            // Ranked among this tenant's matches only (the WHERE already holds the tenant); ties newest first.
            sql.append(" ORDER BY ts_rank(")
                    .append(DOCUMENT)
                    .append(", ")
                    .append(textQuery)
                    .append(") DESC, c.started_at DESC, c.call_id DESC");
            return;
        }
        String direction = sort.descending() ? " DESC" : " ASC";
        sql.append(" ORDER BY ")
                .append(sort.expression())
                .append(direction)
                .append(", c.call_id")
                .append(direction);
    }

    private String param(Object value) {
        args.add(value);
        return "$" + args.size();
    }

    /**
     * The rows to read for a page of {@code limit}: written into the SQL text as a number, not sent as a parameter.
     * With {@code LIMIT $n} PostgreSQL costs the prepared statement's generic plan for 10 % of the tenant's rows, so
     * it judged that plan dearer than a plan for the actual values and planned the list again at every execution
     * (0 generic plans after thousands of runs; the planning was two thirds of the list's database CPU,
     * docs/benchmarks/dashboard.md). The page size is an int the parser held to 1..max-page-size, never client text.
     */
    static String pageRows(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("page size " + limit);
        }
        return Integer.toString(limit + 1);
    }

    private static Object sortKey(CallSort sort, long key) {
        if (sort.numeric()) {
            return key;
        }
        return OffsetDateTime.ofInstant(Instant.EPOCH.plus(key, ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** A SQL text and its parameters. */
    public record Statement(String sql, Tuple args) {}
}
