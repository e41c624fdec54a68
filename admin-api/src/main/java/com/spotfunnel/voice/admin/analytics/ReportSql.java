package com.spotfunnel.voice.admin.analytics;

import io.vertx.mutiny.sqlclient.Tuple;
import java.util.List;

/**
 * The statements one analytics report runs and their parameters, exactly as the report sends them to PostgreSQL
 * (each as a prepared statement with these arguments). Public so the benchmark's raw side
 * (deploy/bench/admin/ReportSql.java) runs the app's own SQL text rather than a copy of it.
 */
public record ReportSql(List<String> statements, Tuple args) {}
