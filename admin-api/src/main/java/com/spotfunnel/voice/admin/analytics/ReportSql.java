package com.spotfunnel.voice.admin.analytics;

import com.spotfunnel.voice.support.postgres.CustomPlans;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.List;

/**
 * The statements one analytics report runs and their parameters, exactly as the report sends them to PostgreSQL
 * (each as a prepared statement with these arguments). Each report names its statements in its own record; this
 * is what they share. Public so the benchmark's raw side (deploy/bench/admin/ReportScript.java) runs the app's own
 * SQL text rather than a copy of it, and plans it as {@link #run} does.
 */
public interface ReportSql {

    /** Every statement of the report, in the order the benchmark runs them. */
    List<String> statements();

    Tuple args();

    /**
     * Whether the report's best plan depends on its values (a day or a year of rows): then every run is planned for
     * them ({@link CustomPlans}); otherwise PostgreSQL may keep one plan per connection (a generic plan after five
     * runs, when it costs no more).
     */
    default boolean customPlans() {
        return false;
    }

    /** One of this report's statements, run with its arguments as {@link #customPlans} says. */
    default Uni<RowSet<Row>> run(Pool pool, String statement) {
        if (customPlans()) {
            return CustomPlans.inTransaction(
                    pool, connection -> connection.preparedQuery(statement).execute(args()));
        }
        return pool.preparedQuery(statement).execute(args());
    }
}
