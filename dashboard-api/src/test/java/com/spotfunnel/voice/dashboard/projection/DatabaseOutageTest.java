package com.spotfunnel.voice.dashboard.projection;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.spotfunnel.voice.dashboard.support.Calls;
import com.spotfunnel.voice.dashboard.support.DashboardApiProfile;
import com.spotfunnel.voice.dashboard.support.EventProducer;
import com.spotfunnel.voice.dashboard.support.Metrics;
import com.spotfunnel.voice.dashboard.support.Tables;
import com.spotfunnel.voice.dashboard.support.Tokens;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.infra.testing.PostgresTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The projection's writes fail (its table is gone, as when PostgreSQL refuses every write): the consumer
 * retries the same record and commits nothing past it; once the database is back, every event lands.
 */
@QuarkusTest
@TestProfile(DashboardApiProfile.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class DatabaseOutageTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    AgroalDataSource db;

    @Test
    void writesThatFailAreRetriedUntilTheDatabaseIsBackAndNothingIsLost() {
        String tenant = "t-" + UUID.randomUUID();
        Calls call = Calls.of(tenant).turns("one", "two", "three");
        double retriesBefore = Metrics.value("dashboard_projection_retries_total");
        Tables.execute(db, "ALTER TABLE dashboard.applied_events RENAME TO applied_events_away");
        try {
            EventProducer.send(bootstrap, call.events());
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> Metrics.value("dashboard_projection_retries_total") >= retriesBefore + 3);
            given().auth()
                    .oauth2(Tokens.customer(tenant))
                    .get("/api/v1/calls/" + call.callId())
                    .then()
                    .statusCode(404);
        } finally {
            Tables.execute(db, "ALTER TABLE dashboard.applied_events_away RENAME TO applied_events");
        }
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> Tables.count(
                                db, "SELECT count(*) FROM dashboard.applied_events WHERE call_id = ?", call.callId())
                        == call.events().size());
        given().auth()
                .oauth2(Tokens.customer(tenant))
                .get("/api/v1/calls/" + call.callId())
                .then()
                .statusCode(200)
                .body("transcript", hasSize(3));
        assertEquals(0.0, Metrics.value("dashboard_projection_events_total{outcome=\"rejected\"}"));
    }
}
