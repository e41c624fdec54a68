package com.spotfunnel.voice.dashboard.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        CallSql.Statement statement = CallSql.page(filter(HOSTILE, HOSTILE, "555 1234", 50));
        assertFalse(statement.sql().contains("DROP"), statement.sql());
        assertFalse(statement.sql().contains("5551234"), statement.sql());
        assertTrue(statement.sql().endsWith(" LIMIT 51"), statement.sql());
        assertEquals(List.of(HOSTILE, HOSTILE, "%5551234%", "5551234"), values(statement));
    }

    @Test
    void aPhoneSearchSendsExactlyTheParametersItsSqlUsesForPagesAndExports() {
        CallFilter search = filter("tenant-a", null, "(555) 12", 20);
        for (CallSql.Statement statement :
                List.of(CallSql.page(search), CallSql.page(search.withRequiresAction(true)), CallSql.all(search))) {
            int highest = java.util.regex.Pattern.compile("\\$(\\d+)")
                    .matcher(statement.sql())
                    .results()
                    .mapToInt(m -> Integer.parseInt(m.group(1)))
                    .max()
                    .orElse(0);
            assertEquals(statement.args().size(), highest, statement.sql());
        }
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
