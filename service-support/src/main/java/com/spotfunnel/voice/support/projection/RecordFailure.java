package com.spotfunnel.voice.support.projection;

import com.spotfunnel.voice.support.postgres.PgErrors;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.json.DecodeException;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import java.io.IOException;
import java.time.DateTimeException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/**
 * Why a {@code call-events} record could not be projected, and so what the consumer does with it: a
 * {@link #TRANSIENT} failure is retried with back-off and the record is never skipped; every other kind is a
 * poison record (the same record fails every time), parked and counted under {@link #reason()}, and the
 * consumer moves on. When in doubt a failure is transient: retrying holds the partition back and an alert
 * says so, skipping would lose the record silently.
 */
public enum RecordFailure {

    /** Not about this record: PostgreSQL or the network is down, busy or lost a race. Retry, skip nothing. */
    TRANSIENT,
    /** The record cannot be read as a call event (not JSON, not an envelope, a payload missing a must-have). */
    MALFORMED,
    /** PostgreSQL refuses the record's data (SQL state class 22 or 23). */
    REFUSED_DATA,
    /** Our projection code throws on this record (a null, an argument or a cast it did not expect). */
    PROJECTION_ERROR;

    public boolean poison() {
        return this != TRANSIENT;
    }

    /** The {@code reason} tag of the parked-records metric and the {@code reason} column of the parked row. */
    public String reason() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Walks the failure and its causes; the first one that says something decides. */
    public static RecordFailure of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DatabaseException db && db.getSqlState() != null) {
                return switch (PgErrors.kindOf(db.getSqlState())) {
                    // 23505 too: every projection statement says ON CONFLICT, so a replay never raises it; one that
                    // does is a conflict in the data.
                    case REFUSED_DATA, UNIQUE_VIOLATION -> REFUSED_DATA;
                    // OTHER: a missing table or privilege, a statement timeout: fixed by an operator, not by skipping.
                    case UNAVAILABLE, LOST_RACE, OTHER -> TRANSIENT;
                };
            }
            if (t instanceof ClosedConnectionException
                    || t instanceof IOException
                    || t instanceof TimeoutException
                    || t instanceof io.smallrye.mutiny.TimeoutException
                    || t instanceof ConnectionPoolTooBusyException) {
                return TRANSIENT;
            }
            if (t instanceof DecodeException) {
                return MALFORMED;
            }
            if (t instanceof NullPointerException
                    || t instanceof IllegalArgumentException
                    || t instanceof ClassCastException
                    || t instanceof IndexOutOfBoundsException
                    || t instanceof ArithmeticException
                    || t instanceof DateTimeException) {
                return PROJECTION_ERROR;
            }
        }
        return TRANSIENT;
    }
}
