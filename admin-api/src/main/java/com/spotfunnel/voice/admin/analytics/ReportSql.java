package com.spotfunnel.voice.admin.analytics;

import io.vertx.mutiny.sqlclient.Tuple;
import java.util.List;

/**
 * The statements one analytics report runs and their parameters, exactly as the report sends them to PostgreSQL
 * (each as a prepared statement with these arguments). Public so the benchmark's raw side
 * (deploy/bench/admin/ReportScript.java) runs the app's own SQL text rather than a copy of it. With
 * {@code customPlans} the report runs them in a transaction after {@link #CUSTOM_PLANS}.
 */
public record ReportSql(List<String> statements, Tuple args, boolean customPlans) {

    /** Statements PostgreSQL may plan once per connection (a generic plan after five runs, when it costs no more). */
    public ReportSql(List<String> statements, Tuple args) {
        this(statements, args, false);
    }

    /** What makes PostgreSQL plan every run for the values it gets, within the report's transaction. */
    public static final String CUSTOM_PLANS = "SET LOCAL plan_cache_mode = force_custom_plan";
}
