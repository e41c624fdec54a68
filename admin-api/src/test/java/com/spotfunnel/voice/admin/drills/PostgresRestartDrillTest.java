package com.spotfunnel.voice.admin.drills;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.spotfunnel.voice.admin.support.AnalyticsReports;
import com.spotfunnel.voice.admin.support.CallEventsTopic;
import com.spotfunnel.voice.admin.support.Tokens;
import com.spotfunnel.voice.events.CallEvent;
import com.spotfunnel.voice.events.payload.CallAnalyzed;
import com.spotfunnel.voice.events.payload.CallCosts;
import com.spotfunnel.voice.events.payload.CallEnded;
import com.spotfunnel.voice.events.payload.CallStatus;
import com.spotfunnel.voice.events.payload.CostRecorded;
import com.spotfunnel.voice.events.payload.Priority;
import com.spotfunnel.voice.events.payload.Stage;
import com.spotfunnel.voice.infra.testing.ApiLoad;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.infra.testing.PostgresRestartDrill;
import com.spotfunnel.voice.infra.testing.PrometheusMetrics;
import com.spotfunnel.voice.infra.testing.ThrowawayPostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Fault drill: PostgreSQL (the drill's own server) restarts while operators read analytics and calls keep
 * ending. The API answers 503 problem+json (never 500, never a hang), readiness goes DOWN and UP, the analytics
 * consumer resumes by itself, and every call published during the outage is counted exactly once. Run alone:
 * {@code ./mvnw -pl admin-api -am verify -Dtest=PostgresRestartDrillTest -Dsurefire.failIfNoSpecifiedTests=false}
 * (add {@code -Ddrill.postgres.outage-seconds=75} to hold the outage past Kafka's one-minute record age).
 */
@QuarkusTest
@TestProfile(PostgresRestartDrillTest.Profile.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ThrowawayPostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class PostgresRestartDrillTest {

    static final String TOPIC = "call-events-postgres-drill-admin";
    private static final String DAY = "2026-04-01";
    private static final String RETRIES = "analytics_projection_retries_total";
    private static final BigDecimal COST_PER_CALL = new BigDecimal("0.0100");

    /** The drill's own topic: only its own events reach its database. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.incoming.call-events.topic", TOPIC);
        }
    }

    @TestHTTPResource("/")
    URI root;

    @Test
    void apisAnswer503WhilePostgresIsDownAndEveryCallPublishedMeanwhileIsCountedOnce() {
        String tenant = "drill-" + UUID.randomUUID().toString().substring(0, 8);
        CallEventsTopic.send(TOPIC, calls(tenant, 3));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> analyzedCalls(tenant) == 3);

        double retriesBefore = PrometheusMetrics.value(RETRIES);
        PostgresRestartDrill.Report report;
        URI costs = root.resolve("analytics/costs?from=" + DAY + "&to=" + DAY + "&tenantId=" + tenant);
        try (ApiLoad load = ApiLoad.start(costs, Tokens.admin(), 3)) {
            report = PostgresRestartDrill.run(
                    ThrowawayPostgresTestResource.server(), load, root.resolve("q/health/ready"), () -> {
                        CallEventsTopic.send(TOPIC, calls(tenant, 5));
                        // the consumer met the outage: it is retrying, not skipping
                        Awaitility.await()
                                .atMost(Duration.ofSeconds(30))
                                .until(() -> PrometheusMetrics.value(RETRIES) > retriesBefore);
                    });
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> analyzedCalls(tenant) == 8);
        }
        System.out.println("admin-api " + report);

        PostgresRestartDrill.assertOnlyOkOrUnavailable(report, Duration.ofSeconds(10));
        // a call counted twice would show here: 8 calls, each ended once and costing 0.0100 once
        JsonPath figures = AnalyticsReports.costs(tenant, DAY, DAY);
        assertEquals(
                0,
                COST_PER_CALL
                        .multiply(BigDecimal.valueOf(8))
                        .compareTo(new BigDecimal(figures.getString("total.total"))),
                figures.prettify());
        assertEquals(
                8,
                AnalyticsReports.intelligence(tenant, DAY, DAY)
                        .getInt("endedCalls.find { it.label == 'completed' }.calls"));
        assertEquals(8, analyzedCalls(tenant));
    }

    private static int analyzedCalls(String tenant) {
        return given().auth()
                .oauth2(Tokens.admin())
                .queryParam("from", DAY)
                .queryParam("to", DAY)
                .queryParam("tenantId", tenant)
                .get("/analytics/intelligence")
                .then()
                .extract()
                .jsonPath()
                .getInt("totals.analyzedCalls");
    }

    /** Per call: one LLM cost, ended, analysed. */
    private static List<CallEvent> calls(String tenant, int count) {
        Instant at = Instant.parse(DAY + "T10:00:00Z");
        List<CallEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String call = tenant + "-" + UUID.randomUUID();
            events.add(CallEvent.of(
                    tenant,
                    call,
                    0,
                    at,
                    new CostRecorded(
                            0,
                            Stage.LLM,
                            "openai",
                            "gpt-4o-mini",
                            new BigDecimal("100"),
                            "completion_tokens",
                            COST_PER_CALL)));
            events.add(CallEvent.of(
                    tenant,
                    call,
                    1,
                    at.plusSeconds(60),
                    new CallEnded(CallStatus.COMPLETED, "caller_hangup", 60, CallCosts.ZERO)));
            events.add(CallEvent.of(
                    tenant,
                    call,
                    2,
                    at.plusSeconds(63),
                    new CallAnalyzed(
                            "Booked.", "book_appointment", "appointment_booked", Map.of(), false, Priority.LOW)));
        }
        return events;
    }
}
