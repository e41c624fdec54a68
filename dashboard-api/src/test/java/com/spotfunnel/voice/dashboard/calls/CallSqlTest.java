package com.spotfunnel.voice.dashboard.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The page query carries the page size in its text (so PostgreSQL can keep one generic plan for it instead of
 * planning each request) while every value a client sent stays a parameter.
 */
class CallSqlTest {

    private static final String HOSTILE = "x'; DROP TABLE dashboard.call_logs; --";

    @Test
    void thePageSizeIsInTheTextAndNotAParameter() {
        CallSql.Statement statement = CallSql.page(filter("tenant-a", null, null, 7));
        assertTrue(statement.sql().endsWith(" LIMIT 8"), statement.sql());
        assertEquals(List.of("tenant-a"), values(statement));
    }

    @Test
    void everyClientValueIsStillAParameter() {
        CallSql.PhonePage phone =
                CallSql.phonePage(filter(HOSTILE, HOSTILE, "555 1234", 50)).orElseThrow();
        for (CallSql.Statement statement : List.of(phone.probe(), phone.rare(), phone.common())) {
            assertFalse(statement.sql().contains("DROP"), statement.sql());
            assertFalse(statement.sql().contains("5551234"), statement.sql());
        }
        assertTrue(phone.rare().sql().endsWith(" LIMIT 51"), phone.rare().sql());
        assertTrue(phone.common().sql().endsWith(" LIMIT 51"), phone.common().sql());
        assertEquals(List.of(HOSTILE, "%5551234%"), values(phone.probe()));
        assertEquals(List.of(HOSTILE, HOSTILE, "%5551234%", "5551234"), values(phone.rare()));
        assertEquals(List.of(HOSTILE, HOSTILE, "%5551234%"), values(phone.common()));
    }

    @Test
    void aPhoneSearchSendsExactlyTheParametersItsSqlUsesForPagesAndExports() {
        CallFilter search = filter("tenant-a", null, "(555) 12", 20);
        List<CallSql.Statement> statements = new ArrayList<>();
        for (CallFilter filter : List.of(search, search.withRequiresAction(true))) {
            CallSql.PhonePage phone = CallSql.phonePage(filter).orElseThrow();
            statements.addAll(List.of(phone.probe(), phone.rare(), phone.common()));
        }
        statements.add(CallSql.all(search));
        for (CallSql.Statement statement : statements) {
            int highest = java.util.regex.Pattern.compile("\\$(\\d+)")
                    .matcher(statement.sql())
                    .results()
                    .mapToInt(m -> Integer.parseInt(m.group(1)))
                    .max()
                    .orElse(0);
            assertEquals(statement.args().size(), highest, statement.sql());
        }
    }

    /**
     * A phone search's page is two statements, the probe's count choosing the second: the digit index's for a rare
     * fragment (planned for its values), the newest-first walk for a common one (one plan for every value).
     */
    @Test
    void theProbesCountPicksThePhoneSearchsPageStatement() {
        CallSql.PhonePage phone =
                CallSql.phonePage(filter("tenant-a", null, "555-12", 50)).orElseThrow();
        assertTrue(
                phone.probe().sql().contains("LIMIT " + CallSql.PHONE_PROBE_WINDOW + ")"),
                phone.probe().sql());
        assertTrue(
                phone.rare().sql().contains("caller_digit_keys"), phone.rare().sql());
        assertFalse(
                phone.common().sql().contains("caller_digit_keys"),
                phone.common().sql());
        assertTrue(
                phone.common().sql().contains("CASE WHEN c.caller_digits LIKE $2"),
                phone.common().sql());
        assertSame(phone.rare(), phone.page(CallSql.PHONE_COMMON_MATCHES - 1));
        assertTrue(phone.plannedPerValue(0));
        assertSame(phone.common(), phone.page(CallSql.PHONE_COMMON_MATCHES));
        assertFalse(phone.plannedPerValue(CallSql.PHONE_COMMON_MATCHES));
        // Not a phone search: one statement, as before; a phone search has no single page statement.
        assertTrue(CallSql.phonePage(filter("tenant-a", null, "leak", 50)).isEmpty());
        assertTrue(CallSql.phonePage(filter("tenant-a", null, null, 50)).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> CallSql.page(filter("tenant-a", null, "555-12", 50)));
    }

    @Test
    void theActionFilterIsStillPlannedPerTenant() {
        CallFilter filter = filter("tenant-a", null, null, 7).withRequiresAction(true);
        CallSql.Statement statement = CallSql.page(filter);
        assertTrue(statement.sql().endsWith(" LIMIT $2"), statement.sql());
        assertEquals(List.of("tenant-a", 8), values(statement));
    }

    @Test
    void aPageSizeBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> CallSql.page(filter("tenant-a", null, null, 0)));
    }

    private static CallFilter filter(String tenant, String outcome, String search, int limit) {
        return new CallFilter(
                tenant,
                null,
                null,
                List.of(),
                outcome,
                null,
                ArchivedFilter.EXCLUDE,
                search,
                CallSort.STARTED_AT_DESC,
                null,
                limit);
    }

    private static List<Object> values(CallSql.Statement statement) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < statement.args().size(); i++) {
            values.add(statement.args().getValue(i));
        }
        return values;
    }
}
