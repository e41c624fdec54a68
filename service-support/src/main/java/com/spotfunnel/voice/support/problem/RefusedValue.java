package com.spotfunnel.voice.support.problem;

import io.vertx.sqlclient.DatabaseException;
import java.util.Map;
import java.util.Optional;

/**
 * Tells a query PostgreSQL refused because of a value the client sent (a NUL character, a date or number out of
 * range) from our own bug: the first is a 400, never a 500. A safety net behind the checks that name the field.
 */
final class RefusedValue {

    /** SQL states of class 22 (data exception) that only a client's value can cause here. */
    private static final Map<String, String> STATES = Map.of(
            "22021", "a value contains a character that cannot be stored (NUL)",
            "22P05", "a value contains a character that cannot be stored (NUL)",
            "22008", "a date or time is out of range",
            "22003", "a number is out of range",
            "22001", "a value is too long");

    private RefusedValue() {}

    static Optional<String> of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DatabaseException db && db.getSqlState() != null && STATES.containsKey(db.getSqlState())) {
                return Optional.of(STATES.get(db.getSqlState()));
            }
        }
        return Optional.empty();
    }
}
