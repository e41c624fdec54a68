package com.spotfunnel.voice.support.problem;

import com.spotfunnel.voice.support.postgres.PgErrors;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.util.Optional;

/**
 * Tells a failure caused by a dependency being down (PostgreSQL stopped, restarting or refusing connections;
 * a server that refuses or times out the connection) from a failure of the request itself. The first is
 * answered 503 with Retry-After, since the same request will work once the dependency is back; the second
 * stays a 500.
 */
public final class DependencyOutage {

    private DependencyOutage() {}

    /** What is down, when this failure (or one of its causes) says a dependency is unavailable. */
    public static Optional<String> of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ClosedConnectionException) {
                return Optional.of("The database connection was lost");
            }
            if (t instanceof DatabaseException db && databaseUnavailable(db.getSqlState())) {
                return Optional.of("The database is unavailable");
            }
            // Netty's connect failures (refused, timed out) extend ConnectException.
            if (t instanceof ConnectException) {
                return Optional.of("A service this request needs cannot be reached");
            }
            // A connection the server reset mid-request (a restarting PostgreSQL does this to open connections):
            // java.net.SocketException on the NIO transport, a native IOException saying so on epoll.
            if (t instanceof SocketException
                    || t instanceof IOException io
                            && String.valueOf(io.getMessage()).contains("Connection reset")) {
                return Optional.of("The connection to a service this request needs was lost");
            }
        }
        return Optional.empty();
    }

    /**
     * SQL states meaning "not now", not "not this": the connection is lost, the server is stopping or starting or
     * out of resources ({@link PgErrors.Kind#UNAVAILABLE}).
     */
    static boolean databaseUnavailable(String sqlState) {
        return PgErrors.kindOf(sqlState) == PgErrors.Kind.UNAVAILABLE;
    }
}
