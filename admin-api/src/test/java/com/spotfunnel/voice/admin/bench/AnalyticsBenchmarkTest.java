package com.spotfunnel.voice.admin.bench;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spotfunnel.voice.admin.support.Tokens;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.infra.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Operator analytics over 1,000,000 calls, end to end over HTTP (OIDC token check, SQL on the roll-ups, JSON).
 * Off in normal builds; run it with -Dbench=true (deploy/bench/admin/run.sh runs the side-by-side benchmark against
 * raw PostgreSQL instead). See docs/benchmarks/admin.md.
 *
 * <p>The data: deploy/bench/admin/seed.sql, 1,000,000 synthetic calls over the 365 days up to {@link #LAST_DAY} and
 * 200 tenants, written as exactly the rows the projection writes for them, plus one SystemError per 10 calls
 * (100,000 rows in system_errors).
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@EnabledIfSystemProperty(named = "bench", matches = "true")
class AnalyticsBenchmarkTest {

    private static final int CALLS = Integer.getInteger("bench.calls", 1_000_000);
    private static final int REQUESTS = Integer.getInteger("bench.requests", 200);
    private static final LocalDate LAST_DAY = LocalDate.parse("2025-12-31");

    @Inject
    Pool pool;

    @Test
    void analyticsOverAMillionCallsAnswerWithinBudget() throws Exception {
        long seedStart = System.nanoTime();
        seed();
        long seedMs = (System.nanoTime() - seedStart) / 1_000_000;
        String token = Tokens.admin();
        String month = "from=" + LAST_DAY.minusDays(29) + "&to=" + LAST_DAY;
        String year = "from=" + LAST_DAY.minusDays(364) + "&to=" + LAST_DAY;
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("costs, all tenants, 30 days", "/analytics/costs?" + month);
        queries.put("costs, one tenant, 365 days", "/analytics/costs?" + year + "&tenantId=bench-t7");
        queries.put("costs, all tenants, 365 days", "/analytics/costs?" + year);
        queries.put("intelligence, all tenants, 30 days", "/analytics/intelligence?" + month);
        queries.put("intelligence, one tenant, 365 days", "/analytics/intelligence?" + year + "&tenantId=bench-t7");
        queries.put("intelligence, all tenants, 365 days", "/analytics/intelligence?" + year);
        queries.put("error groups, all tenants, 30 days", "/analytics/errors?" + month);
        queries.put("error groups, all tenants, 365 days", "/analytics/errors?" + year);

        StringBuilder report =
                new StringBuilder("calls=" + CALLS + " requests/query=" + REQUESTS + " seed_ms=" + seedMs + "\n");
        report.append(String.format("%-40s %8s %8s %8s %8s%n", "query", "p50 ms", "p95 ms", "p99 ms", "max ms"));
        double worstDefaultRangeP99 = 0;
        for (Map.Entry<String, String> query : queries.entrySet()) {
            for (int i = 0; i < 10; i++) {
                given().auth().oauth2(token).get(query.getValue()).then().statusCode(200);
            }
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                long start = System.nanoTime();
                given().auth().oauth2(token).get(query.getValue()).then().statusCode(200);
                millis.add((System.nanoTime() - start) / 1e6);
            }
            millis.sort(Double::compare);
            double p99 = percentile(millis, 0.99);
            if (query.getKey().contains("30 days") || query.getKey().contains("one tenant")) {
                worstDefaultRangeP99 = Math.max(worstDefaultRangeP99, p99);
            }
            report.append(String.format(
                    "%-40s %8.1f %8.1f %8.1f %8.1f%n",
                    query.getKey(),
                    percentile(millis, 0.50),
                    percentile(millis, 0.95),
                    p99,
                    millis.get(millis.size() - 1)));
        }
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/admin-analytics.txt"), report.toString());
        System.out.println(report);
        assertTrue(worstDefaultRangeP99 < 100, "p99 over the default range and per tenant < 100 ms:\n" + report);
    }

    /**
     * deploy/bench/admin/seed.sql (shared with the side-by-side benchmark there) on one connection (it uses a
     * temporary view): its psql lines (backslash commands) skipped, :calls substituted.
     */
    private void seed() throws Exception {
        String script = Files.readString(Path.of("../deploy/bench/admin/seed.sql"))
                .lines()
                .filter(line -> !line.startsWith("\\") && !line.startsWith("--"))
                .collect(Collectors.joining("\n"))
                .replaceAll("(?<!:):calls\\b", Integer.toString(CALLS));
        SqlConnection connection = pool.getConnection().await().indefinitely();
        try {
            for (String statement : script.split(";\\s*(\\n|$)")) {
                if (!statement.isBlank()) {
                    connection.query(statement).execute().await().indefinitely();
                }
            }
        } finally {
            connection.closeAndAwait();
        }
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }
}
