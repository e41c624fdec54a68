package com.spotfunnel.voice.dashboard.calls;

import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the call list query for a {@link CallFilter}. The SQL text comes only from constants in this
 * class and {@link CallSort}; every value a client sent is a positional parameter.
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

    private static final java.util.regex.Pattern PHONE_LIKE = java.util.regex.Pattern.compile("[0-9+()\\-. ]+");

    static final String OPEN_ACTION = "((c.requires_action OR a.marked_at IS NOT NULL) AND a.resolved_at IS NULL)";

    private final StringBuilder sql = new StringBuilder(SELECT);
    private final List<Object> args = new ArrayList<>();

    private CallSql() {
    }

    /** The page query: filters, keyset position, order, and limit + 1 (to know whether a next page exists). */
    public static Statement page(CallFilter filter) {
        CallSql q = new CallSql();
        q.where(filter);
        if (filter.cursor() != null) {
            String op = filter.sort().descending() ? "<" : ">";
            q.sql.append(" AND (").append(filter.sort().expression()).append(", c.call_id) ").append(op)
                    .append(" (").append(q.param(sortKey(filter.sort(), filter.cursor().key()))).append(", ")
                    .append(q.param(filter.cursor().callId())).append(")");
        }
        q.orderBy(filter.sort());
        q.sql.append(" LIMIT ").append(q.param(filter.limit() + 1));
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
            sql.append(" AND c.status = ANY(").append(param(f.statuses().toArray(String[]::new))).append(")");
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
            case INCLUDE -> { }
        }
        if (f.search() != null) {
            search(f.search());
        }
    }

    /**
     * A query that looks like a phone number (only digits, spaces and {@code + ( ) - .}, at least 3 digits)
     * matches the caller's number containing those digits. Anything else is PostgreSQL full text over the
     * reason and summary, and over the transcript.
     */
    private void search(String text) {
        String digits = text.replaceAll("[^0-9]", "");
        if (digits.length() >= 3 && PHONE_LIKE.matcher(text).matches()) {
            sql.append(" AND c.caller_phone LIKE ").append(param("%" + digits + "%"));
            return;
        }
        String query = param(text);
        sql.append(" AND (c.search_tsv @@ plainto_tsquery('english', ").append(query).append(")")
                .append(" OR c.call_id IN (SELECT t.call_id FROM dashboard.call_turns t WHERE t.tenant_id = $1")
                .append(" AND t.text_tsv @@ plainto_tsquery('english', ").append(query).append(")))");
    }

    private void orderBy(CallSort sort) {
        String direction = sort.descending() ? " DESC" : " ASC";
        sql.append(" ORDER BY ").append(sort.expression()).append(direction).append(", c.call_id").append(direction);
    }

    private String param(Object value) {
        args.add(value);
        return "$" + args.size();
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
    public record Statement(String sql, Tuple args) {
    }
}
