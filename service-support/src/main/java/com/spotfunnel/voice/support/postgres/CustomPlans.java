package com.spotfunnel.voice.support.postgres;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.function.Function;

/**
 * Statements PostgreSQL plans for the values they are run with. A prepared statement gets a generic plan after five
 * runs when that plan looks no dearer, and a generic plan cannot see how many rows a value matches: a search word
 * every call shares, or a year of errors instead of a day. The reports and searches whose best plan depends on
 * the value run here (docs/benchmarks/dashboard.md, docs/benchmarks/admin.md).
 */
public final class CustomPlans {

    /** For the current transaction only: plan each statement for its parameter values. */
    public static final String SET_LOCAL = "SET LOCAL plan_cache_mode = force_custom_plan";

    private CustomPlans() {}

    /** {@code work} in one transaction whose statements are planned for their values; the connection goes back after. */
    public static <T> Uni<T> inTransaction(Pool pool, Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(
                connection -> connection.query(SET_LOCAL).execute().chain(() -> work.apply(connection)));
    }
}
