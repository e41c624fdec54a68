package com.spotfunnel.voice.support.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spotfunnel.voice.support.postgres.PgErrors.Kind;
import io.vertx.core.VertxException;
import io.vertx.sqlclient.DatabaseException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What each SQL state means for whoever would run the statement again. */
class PgErrorsTest {

    static DatabaseException pg(String sqlState) {
        return new DatabaseException("ERROR: " + sqlState, 0, sqlState) {};
    }

    @Test
    void everySqlStateFallsInOneKind() {
        Map<String, Kind> table = Map.ofEntries(
                Map.entry("08000", Kind.UNAVAILABLE), // connection_exception
                Map.entry("08006", Kind.UNAVAILABLE), // connection_failure
                Map.entry("57P01", Kind.UNAVAILABLE), // admin_shutdown
                Map.entry("57P02", Kind.UNAVAILABLE), // crash_shutdown
                Map.entry("57P03", Kind.UNAVAILABLE), // cannot_connect_now
                Map.entry("53300", Kind.UNAVAILABLE), // too_many_connections
                Map.entry("53100", Kind.UNAVAILABLE), // disk_full
                Map.entry("53200", Kind.UNAVAILABLE), // out_of_memory
                Map.entry("40001", Kind.LOST_RACE), // serialization_failure
                Map.entry("40P01", Kind.LOST_RACE), // deadlock_detected
                Map.entry("23505", Kind.UNIQUE_VIOLATION),
                Map.entry("23503", Kind.REFUSED_DATA), // foreign_key_violation
                Map.entry("23502", Kind.REFUSED_DATA), // not_null_violation
                Map.entry("23514", Kind.REFUSED_DATA), // check_violation
                Map.entry("22021", Kind.REFUSED_DATA), // character_not_in_repertoire (a NUL byte)
                Map.entry("22003", Kind.REFUSED_DATA), // numeric_value_out_of_range
                Map.entry("22P02", Kind.REFUSED_DATA), // invalid_text_representation
                Map.entry("42P01", Kind.OTHER), // undefined_table
                Map.entry("42501", Kind.OTHER), // insufficient_privilege
                Map.entry("57014", Kind.OTHER), // query_canceled (statement timeout)
                Map.entry("XX000", Kind.OTHER)); // internal_error
        table.forEach((sqlState, kind) -> assertEquals(kind, PgErrors.kindOf(sqlState), sqlState));
        assertEquals(Kind.OTHER, PgErrors.kindOf(null));
    }

    @Test
    void aUniqueViolationIsFoundAmongTheCauses() {
        assertTrue(PgErrors.isUniqueViolation(pg("23505")));
        assertTrue(PgErrors.isUniqueViolation(new VertxException("wrapped", pg("23505"))));
        assertFalse(PgErrors.isUniqueViolation(pg("23503")));
        assertFalse(PgErrors.isUniqueViolation(new IllegalStateException("23505")));
        assertEquals(
                "40P01", PgErrors.sqlState(new RuntimeException(pg("40P01"))).orElseThrow());
    }
}
