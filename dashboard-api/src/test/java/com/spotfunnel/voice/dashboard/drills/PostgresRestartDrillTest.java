package com.spotfunnel.voice.dashboard.drills;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.spotfunnel.voice.dashboard.support.Calls;
import com.spotfunnel.voice.dashboard.support.EventProducer;
import com.spotfunnel.voice.dashboard.support.Metrics;
import com.spotfunnel.voice.dashboard.support.Tables;
import com.spotfunnel.voice.dashboard.support.Tokens;
import com.spotfunnel.voice.events.CallEvent;
import com.spotfunnel.voice.infra.testing.ApiLoad;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.infra.testing.PostgresRestartDrill;
import com.spotfunnel.voice.infra.testing.ThrowawayPostgresTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Fault drill: PostgreSQL (the drill's own server) restarts while customers are reading their call list and
 * calls keep ending. The API answers 503 problem+json (never 500, never a hang), readiness goes DOWN and UP,
 * the projection resumes by itself, and every call published during the outage is in the read model exactly
 * once. Run alone: {@code ./mvnw -pl dashboard-api -am verify -Dtest=PostgresRestartDrillTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusTest
@TestProfile(PostgresRestartDrillTest.Profile.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ThrowawayPostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class PostgresRestartDrillTest {

    static final String TOPIC = "call-events-postgres-drill";
    private static final String APPLIED = "dashboard_projection_events_total{outcome=\"applied\"}";

    /** The drill's own topic: only its own events reach its database. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.incoming.call-events.topic", TOPIC);
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    AgroalDataSource db;

    @TestHTTPResource("/")
    URI root;

    @Test
    void apisAnswer503WhilePostgresIsDownAndEveryCallPublishedMeanwhileIsProjectedOnce() {
        String tenant = "t-drill-" + UUID.randomUUID();
        List<Calls> before = calls(tenant, 3);
        List<Calls> during = calls(tenant, 5);
        publish(before);
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> before.stream().allMatch(this::projected));
        double appliedBefore = Metrics.value(APPLIED);
        double retriesBefore = Metrics.value("dashboard_projection_retries_total");

        PostgresRestartDrill.Report report;
        try (ApiLoad load = ApiLoad.start(root.resolve("api/v1/calls?limit=20"), Tokens.customer(tenant), 3)) {
            report = PostgresRestartDrill.run(
                    ThrowawayPostgresTestResource.server(), load, root.resolve("q/health/ready"), () -> {
                        publish(during);
                        // the consumer met the outage: it is retrying, not skipping
                        Awaitility.await()
                                .atMost(Duration.ofSeconds(30))
                                .until(() -> Metrics.value("dashboard_projection_retries_total") > retriesBefore);
                    });
            Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> during.stream().allMatch(this::projected));
        }
        System.out.println("dashboard-api " + report);

        PostgresRestartDrill.assertOnlyOkOrUnavailable(report, Duration.ofSeconds(10));
        long duringEvents = during.stream().mapToLong(c -> c.events().size()).sum();
        assertEquals(
                duringEvents,
                Metrics.value(APPLIED) - appliedBefore,
                0.0,
                "each event published during the outage was applied exactly once");
        assertEquals(0.0, Metrics.value("dashboard_projection_events_total{outcome=\"rejected\"}"));
        for (Calls call : during) {
            assertEquals(
                    3, Tables.count(db, "SELECT count(*) FROM dashboard.call_turns WHERE call_id = ?", call.callId()));
            assertEquals(
                    3,
                    Tables.count(
                            db, "SELECT count(*) FROM dashboard.call_cost_items WHERE call_id = ?", call.callId()));
            assertEquals(
                    call.events().size(),
                    Tables.count(db, "SELECT count(*) FROM dashboard.applied_events WHERE call_id = ?", call.callId()));
        }
        given().auth()
                .oauth2(Tokens.customer(tenant))
                .get("/api/v1/calls?limit=20")
                .then()
                .statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.is(before.size() + during.size()));
    }

    private boolean projected(Calls call) {
        return given().auth()
                                .oauth2(Tokens.customer(call.tenantId()))
                                .get("/api/v1/calls/" + call.callId())
                                .then()
                                .extract()
                                .statusCode()
                        == 200
                && Tables.count(db, "SELECT count(*) FROM dashboard.applied_events WHERE call_id = ?", call.callId())
                        == call.events().size();
    }

    private void publish(List<Calls> calls) {
        List<CallEvent> events =
                calls.stream().flatMap(c -> c.events().stream()).toList();
        EventProducer.send(bootstrap, TOPIC, events);
    }

    private static List<Calls> calls(String tenant, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> Calls.of(tenant).turns("Hello.", "Hi, a question.", "Sure."))
                .toList();
    }
}
