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
    private static final String COLUMNS = """
            SELECT c.call_id, c.call_sid, c.caller_phone, c.direction, c.status, c.started_at, c.ended_at,
                   c.duration_seconds, c.twilio_duration_seconds, c.reason_for_calling, c.summary, c.outcome, c.priority, c.total_cost,
                   ((c.requires_action OR a.marked_at IS NOT NULL) AND a.resolved_at IS NULL) AS open_action,
                   (r.call_id IS NOT NULL) AS archived""";

    private static final String FROM = """

              FROM dashboard.call_logs c
              LEFT JOIN dashboard.call_actions a ON a.call_id = c.call_id AND a.tenant_id = c.tenant_id
              LEFT JOIN dashboard.call_archive r ON r.call_id = c.call_id AND r.tenant_id = c.tenant_id
            """;

    public static final String SELECT = COLUMNS + FROM;

    /**
     * A phone search first counts how many of the tenant's newest {@value #PHONE_PROBE_WINDOW} calls hold the digits
     * (an index-only scan of {@code call_logs_tenant_started}, which carries the digits, migration V10). From
     * {@value #PHONE_COMMON_MATCHES} matches there (2 %), walking the tenant's calls newest first fills a page sooner
     * than collecting every match; below it, the per-tenant digit index ({@code call_logs_caller_digit_keys}) reads
     * only the few matching calls. PostgreSQL cannot make this choice itself: that index's keys hold the tenant, so
     * it multiplies the tenant's share in twice and takes a fragment every number shares ("1555") for a rare one
     * (13 s per search on the 100,000-call tenant, docs/benchmarks/dashboard.md).
     */
    static final int PHONE_PROBE_WINDOW = 1000;

    public static final int PHONE_COMMON_MATCHES = 20;

    /** The call's searchable text: the expression {@code call_logs_tenant_search} indexes (migration V6). */
    static final String DOCUMENT = "(c.search_tsv || c.transcript_tsv)";

    static final String OPEN_ACTION = "((c.requires_action OR a.marked_at IS NOT NULL) AND a.resolved_at IS NULL)";

    private final StringBuilder sql = new StringBuilder(SELECT);
    private final List<Object> args = new ArrayList<>();
    /** The full-text query's SQL once {@link #search} added one (relevance orders by it). */
    private String textQuery;
    /** The tenant's parameter, and a phone search's pattern parameter and digits once {@link #search} saw one. */
    private String tenantParam;

    private String phonePattern;
    private String phoneDigits;

    private CallSql() {}

    /**
     * The page query: filters, keyset position, order, and limit + 1 (to know whether a next page exists). Not for a
     * phone search, whose page is two statements: see {@link #phonePage}.
     */
    public static Statement page(CallFilter filter) {
        if (phoneDigits(filter).isPresent()) {
            throw new IllegalArgumentException("a phone search's page is CallSql.phonePage");
        }
        CallSql q = new CallSql();
        q.where(filter);
        String limit = q.keysetAndLimit(filter);
        q.sql.append(q.orderBy(filter.sort())).append(" LIMIT ").append(limit);
        return new Statement(q.sql.toString(), Tuple.from(q.args));
    }

    /**
     * A phone search's page (empty for any other filter): the probe (see {@link #PHONE_PROBE_WINDOW}) and the two
     * page statements it chooses between, each with only its own parameters. Separate statements, so that only the
     * statement that runs is planned, and only the rare fragment's is planned for its values on purpose: the probe's
     * plan does not depend on the values (PostgreSQL keeps one after five runs), nor does the walk's (PostgreSQL may
     * still plan it per run when it costs its generic plan dearer; the plan is the same). One statement holding all
     * three was planned whole at every search (~0.7 ms of PostgreSQL's CPU, more than running it took on a 900-call
     * tenant, docs/benchmarks/dashboard.md).
     */
    public static Optional<PhonePage> phonePage(CallFilter filter) {
        if (phoneDigits(filter).isEmpty()) {
            return Optional.empty();
        }
        String digits = phoneDigits(filter).get();
        Statement probe = new Statement(
                "SELECT count(*) AS matches FROM (SELECT c.caller_digits FROM dashboard.call_logs c WHERE c.tenant_id = $1"
                        + " ORDER BY c.started_at DESC, c.call_id DESC LIMIT " + PHONE_PROBE_WINDOW
                        + ") newest WHERE newest.caller_digits LIKE $2",
                Tuple.of(filter.tenantId(), "%" + digits + "%"));
        return Optional.of(new PhonePage(probe, phoneBranch(filter, true), phoneBranch(filter, false)));
    }

    /**
     * The page of a phone search for a rare fragment (through the digit index) or a common one (walking the tenant's
     * calls in page order); both carry the same filters, cursor, order and limit, and the LIKE that keeps the answer
     * exact.
     */
    private static Statement phoneBranch(CallFilter filter, boolean rare) {
        CallSql q = new CallSql();
        q.where(filter);
        String limit = q.keysetAndLimit(filter);
        if (rare) {
            q.sql.append(" AND c.caller_digits LIKE ")
                    .append(q.phonePattern)
                    .append(
                            " AND dashboard.caller_digit_keys(c.tenant_id, c.caller_digits) @> dashboard.caller_digit_keys(")
                    .append(q.tenantParam)
                    .append(", ")
                    .append(q.param(q.phoneDigits))
                    .append(")");
        } else {
            // This statement runs only for a common fragment, so it must walk the calls in page order. Its LIKE is
            // written as a CASE, which PostgreSQL does not estimate (it assumes half the rows match): planned from the
            // LIKE's own statistics, which may call the fragment rare, it chose a parallel bitmap scan of the whole
            // tenant. So its plan is the same for every value, and it needs no planning per value.
            q.sql.append(" AND CASE WHEN c.caller_digits LIKE ")
                    .append(q.phonePattern)
                    .append(" THEN true ELSE false END");
        }
        q.sql.append(q.orderBy(filter.sort())).append(" LIMIT ").append(limit);
        return new Statement(q.sql.toString(), Tuple.from(q.args));
    }

    /** Appends the keyset position (a cursor) and returns the LIMIT's text. */
    private String keysetAndLimit(CallFilter filter) {
        if (filter.cursor() != null) {
            String op = filter.sort().descending() ? "<" : ">";
            sql.append(" AND (")
                    .append(filter.sort().expression())
                    .append(", c.call_id) ")
                    .append(op)
                    .append(" (")
                    .append(param(sortKey(filter.sort(), filter.cursor().key())))
                    .append(", ")
                    .append(param(filter.cursor().callId()))
                    .append(")");
        }
        if (filter.requiresAction() == null) {
            return pageRows(filter.limit());
        }
        // requiresAction has no index that holds its order: the one generic plan PostgreSQL would keep reads every
        // call of the tenant and sorts them (right for a 900-call tenant, ~100,000 rows for the largest), so it must
        // stay planned for each tenant; a parameter page size keeps PostgreSQL doing that, as before.
        return param(filter.limit() + 1);
    }

    private static Optional<String> phoneDigits(CallFilter filter) {
        return filter.search() == null ? Optional.empty() : CallSearch.phoneDigits(filter.search());
    }

    /** Every matching call in the filter's order, for streaming (export). */
    public static Statement all(CallFilter filter) {
        CallSql q = new CallSql();
        q.where(filter);
        if (q.phonePattern != null) {
            q.sql.append(" AND c.caller_digits LIKE ").append(q.phonePattern);
        }
        q.sql.append(q.orderBy(filter.sort()));
        return new Statement(q.sql.toString(), Tuple.from(q.args));
    }

    private void where(CallFilter f) {
        tenantParam = param(f.tenantId());
        sql.append(" WHERE c.tenant_id = ").append(tenantParam);
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
     * digits: the per-tenant digit index or the newest-first walk answers it (see {@link #PHONE_PROBE_WINDOW}); the
     * LIKE keeps the answer exact either way. Anything else is PostgreSQL full text over the call's one document
     * (reason and summary, weight A, and the whole transcript), whose GIN index is led by the tenant.
     */
    private void search(String text) {
        Optional<String> digits = CallSearch.phoneDigits(text);
        if (digits.isPresent()) {
            // The LIKE itself goes in per statement: see phoneBranch and all. The digits are a parameter of the rare
            // fragment's statement only (an unused parameter is an error for PostgreSQL), so phoneBranch adds them.
            phonePattern = param("%" + digits.get() + "%");
            phoneDigits = digits.get();
            return;
        }
        textQuery = "plainto_tsquery('english', " + param(text) + ")";
        sql.append(" AND ").append(DOCUMENT).append(" @@ ").append(textQuery);
    }

    private String orderBy(CallSort sort) {
        if (sort == CallSort.RELEVANCE) {
            // Ranked among this tenant's matches only (the WHERE already holds the tenant); ties newest first.
            return " ORDER BY ts_rank(" + DOCUMENT + ", " + textQuery + ") DESC, c.started_at DESC, c.call_id DESC";
        }
        String direction = sort.descending() ? " DESC" : " ASC";
        return " ORDER BY " + sort.expression() + direction + ", c.call_id" + direction;
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

    /**
     * A phone search's page: run {@code probe} (one row, the count of matches among the tenant's newest calls), then
     * {@link #page} of that count.
     */
    public record PhonePage(Statement probe, Statement rare, Statement common) {

        /** The page statement for the probe's count. */
        public Statement page(long matches) {
            return matches < PHONE_COMMON_MATCHES ? rare : common;
        }

        /** Whether the statement for this count is planned for its values (the rare fragment's is). */
        public boolean plannedPerValue(long matches) {
            return page(matches) == rare;
        }
    }
}
