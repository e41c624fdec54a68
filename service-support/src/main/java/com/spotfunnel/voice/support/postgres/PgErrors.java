package com.spotfunnel.voice.support.postgres;

import io.vertx.sqlclient.DatabaseException;
import java.util.Optional;

/**
 * The one reading of PostgreSQL's SQL states in this code base (appendix A of the PostgreSQL manual): the APIs
 * use it to answer 503 rather than 500 and 409 for a duplicate, the {@code call-events} projections to tell a
 * record worth retrying from one to park.
 */
public final class PgErrors {

    /** {@code unique_violation}: the row's unique key is taken. */
    public static final String UNIQUE_VIOLATION = "23505";

    /** What a failure with this SQL state tells whoever would run the same statement again. */
    public enum Kind {
        /**
         * The server cannot serve now: class 08 (connection exception), 57P01-57P03 (administrator or crash
         * shutdown, cannot connect now: stopping or starting), class 53 (insufficient resources: too many
         * connections, out of memory or disk). The same statement works once it is back.
         */
        UNAVAILABLE,
        /** 40001 serialization failure, 40P01 deadlock: the transaction lost a race; running it again works. */
        LOST_RACE,
        /** 23505: the unique key is taken (an API answers 409; a projection never sees it, see DECISIONS.md). */
        UNIQUE_VIOLATION,
        /** Class 22 (data exception) and 23 (integrity constraint) but 23505: this data fails every time. */
        REFUSED_DATA,
        /** Anything else: a missing table or privilege (42), a statement timeout (57014), an internal error. */
        OTHER
    }

    private PgErrors() {}

    public static Kind kindOf(String sqlState) {
        if (sqlState == null) {
            return Kind.OTHER;
        }
        if (sqlState.startsWith("08")
                || sqlState.startsWith("53")
                || sqlState.equals("57P01")
                || sqlState.equals("57P02")
                || sqlState.equals("57P03")) {
            return Kind.UNAVAILABLE;
        }
        if (sqlState.equals("40001") || sqlState.equals("40P01")) {
            return Kind.LOST_RACE;
        }
        if (sqlState.equals(UNIQUE_VIOLATION)) {
            return Kind.UNIQUE_VIOLATION;
        }
        if (sqlState.startsWith("22") || sqlState.startsWith("23")) {
            return Kind.REFUSED_DATA;
        }
        return Kind.OTHER;
    }

    /** The SQL state of the first database error in this failure or its causes. */
    public static Optional<String> sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DatabaseException db && db.getSqlState() != null) {
                return Optional.of(db.getSqlState());
            }
        }
        return Optional.empty();
    }

    /** True when PostgreSQL refused the statement because a unique key is taken (to answer 409). */
    public static boolean isUniqueViolation(Throwable failure) {
        return sqlState(failure).map(UNIQUE_VIOLATION::equals).orElse(false);
    }
}
