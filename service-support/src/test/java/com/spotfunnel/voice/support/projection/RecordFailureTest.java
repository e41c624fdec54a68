package com.spotfunnel.voice.support.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.impl.NoStackTraceTimeoutException;
import io.vertx.core.json.DecodeException;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.time.DateTimeException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which failures a projection retries (never skipping the record) and which make the record poison. */
class RecordFailureTest {

    private static DatabaseException pg(String sqlState) {
        return new DatabaseException("ERROR: " + sqlState, 0, sqlState) {};
    }

    @Test
    void outagesAndRacesAreRetriedBadDataAndOurBugsArePoison() {
        Map<Throwable, RecordFailure> table = new LinkedHashMap<>();
        table.put(pg("08006"), RecordFailure.TRANSIENT);
        table.put(pg("57P01"), RecordFailure.TRANSIENT);
        table.put(pg("53300"), RecordFailure.TRANSIENT);
        table.put(pg("40001"), RecordFailure.TRANSIENT);
        table.put(pg("40P01"), RecordFailure.TRANSIENT);
        // a missing table (DatabaseOutageTest renames one) or privilege: an operator fixes it; skipping would lose data
        table.put(pg("42P01"), RecordFailure.TRANSIENT);
        table.put(pg("57014"), RecordFailure.TRANSIENT);
        table.put(ClosedConnectionException.INSTANCE, RecordFailure.TRANSIENT);
        table.put(new ConnectException("Connection refused"), RecordFailure.TRANSIENT);
        table.put(new VertxException(new SocketException("Connection reset")), RecordFailure.TRANSIENT);
        table.put(new NoStackTraceTimeoutException("pool: no connection in time"), RecordFailure.TRANSIENT);
        table.put(new io.smallrye.mutiny.TimeoutException(), RecordFailure.TRANSIENT);
        table.put(
                new ConnectionPoolTooBusyException("Connection pool reached max wait queue size of 1"),
                RecordFailure.TRANSIENT);
        table.put(new IOException("readAddress(..) failed: Connection reset by peer"), RecordFailure.TRANSIENT);
        table.put(new IllegalStateException("Pool closed"), RecordFailure.TRANSIENT);
        table.put(pg("22021"), RecordFailure.REFUSED_DATA);
        table.put(pg("22003"), RecordFailure.REFUSED_DATA);
        table.put(pg("23502"), RecordFailure.REFUSED_DATA);
        table.put(pg("23505"), RecordFailure.REFUSED_DATA);
        table.put(new VertxException("wrapped", pg("22P02")), RecordFailure.REFUSED_DATA);
        table.put(new DecodeException("Failed to decode"), RecordFailure.MALFORMED);
        table.put(new NullPointerException(), RecordFailure.PROJECTION_ERROR);
        table.put(new IllegalArgumentException("no such stage"), RecordFailure.PROJECTION_ERROR);
        table.put(new NumberFormatException("x"), RecordFailure.PROJECTION_ERROR);
        table.put(new ClassCastException(), RecordFailure.PROJECTION_ERROR);
        table.put(new IndexOutOfBoundsException(), RecordFailure.PROJECTION_ERROR);
        table.put(new ArithmeticException("/ by zero"), RecordFailure.PROJECTION_ERROR);
        table.put(new DateTimeException("bad instant"), RecordFailure.PROJECTION_ERROR);
        table.put(new RuntimeException("something we never met"), RecordFailure.TRANSIENT);
        table.forEach((failure, expected) -> assertEquals(expected, RecordFailure.of(failure), failure.toString()));
    }

    @Test
    void reasonsAreTheMetricTags() {
        assertEquals("refused_data", RecordFailure.REFUSED_DATA.reason());
        assertEquals("projection_error", RecordFailure.PROJECTION_ERROR.reason());
        assertEquals("malformed", RecordFailure.MALFORMED.reason());
        assertFalse(RecordFailure.TRANSIENT.poison());
    }
}
