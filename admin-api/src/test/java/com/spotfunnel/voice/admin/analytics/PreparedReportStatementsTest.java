package com.spotfunnel.voice.admin.analytics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spotfunnel.voice.admin.support.Tokens;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.infra.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The analytics reports' statements stay prepared on their connection: PostgreSQL parses and plans each once per
 * connection, not on every request (planning 3-5 statements per report again each time cost PostgreSQL CPU the same
 * SQL run raw does not pay; docs/benchmarks/admin.md), except the error-group report, which is planned for its range
 * every time. One pooled connection, so the test sees the statements the reports left on it.
 */
@QuarkusTest
@TestProfile(PreparedReportStatementsTest.OneConnection.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class PreparedReportStatementsTest {

    public static class OneConnection implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.reactive.max-size", "1");
        }
    }

    @Inject
    Pool pool;

    @Test
    void aReportsStatementsArePreparedOncePerConnectionAndErrorGroupsPlannedForTheirRange() {
        String token = Tokens.admin();
        String range = "from=2026-03-01&to=2026-03-31";
        // More runs than the five after which PostgreSQL may switch a prepared statement to a generic plan.
        for (int i = 0; i < 8; i++) {
            for (String report : List.of("costs", "intelligence", "errors")) {
                given().auth()
                        .oauth2(token)
                        .get("/analytics/" + report + "?" + range)
                        .then()
                        .statusCode(200);
                given().auth()
                        .oauth2(token)
                        .get("/analytics/" + report + "?" + range + "&tenantId=t-prepared")
                        .then()
                        .statusCode(200);
            }
        }

        List<String> prepared = new ArrayList<>();
        Map<String, Long> genericPlans = new java.util.HashMap<>();
        Map<String, Long> customPlans = new java.util.HashMap<>();
        pool.query("SELECT statement, generic_plans, custom_plans FROM pg_prepared_statements")
                .execute()
                .await()
                .indefinitely()
                .forEach(row -> {
                    prepared.add(row.getString("statement"));
                    genericPlans.put(row.getString("statement"), row.getLong("generic_plans"));
                    customPlans.put(row.getString("statement"), row.getLong("custom_plans"));
                });
        DateRange march = new DateRange(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31"));
        List<String> expected = new ArrayList<>();
        for (String tenant : java.util.Arrays.asList(null, "t-prepared")) {
            expected.addAll(CostAnalytics.sql(march, tenant).statements());
            expected.addAll(IntelligenceAnalytics.sql(march, tenant).statements());
            expected.addAll(SystemErrors.groupsSql(march, tenant, false).statements());
        }
        for (String statement : expected) {
            assertTrue(
                    prepared.contains(statement),
                    "not kept prepared on the connection: " + statement + "\nprepared there: " + prepared);
        }
        // The error-group report is planned for its range on every run: a generic plan cannot tell a day's errors
        // from a year's (docs/benchmarks/admin.md).
        for (String tenant : java.util.Arrays.asList(null, "t-prepared")) {
            String groups = SystemErrors.groupsSql(march, tenant, false).groups();
            assertEquals(0L, genericPlans.get(groups), "generic plans of " + groups);
            assertEquals(8L, customPlans.get(groups), "custom plans of " + groups);
        }
    }
}
