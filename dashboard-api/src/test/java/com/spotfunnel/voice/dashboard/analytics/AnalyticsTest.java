package com.spotfunnel.voice.dashboard.analytics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import com.spotfunnel.voice.dashboard.projection.ProjectionWriter;
import com.spotfunnel.voice.dashboard.support.Calls;
import com.spotfunnel.voice.dashboard.support.DashboardApiProfile;
import com.spotfunnel.voice.dashboard.support.Seeder;
import com.spotfunnel.voice.dashboard.support.Tokens;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.infra.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(DashboardApiProfile.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class AnalyticsTest {

    @Inject
    ProjectionWriter writer;

    @Test
    void figuresOverADateRange() {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        Instant day1 = Instant.parse("2026-11-05T23:30:00Z");
        Instant day2 = Instant.parse("2026-11-06T00:30:00Z");
        Seeder.seed(
                writer, Calls.of(tenant).turns("a").startedAt(day1).duration(60).outcome("appointment_booked"));
        Seeder.seed(
                writer,
                Calls.of(tenant)
                        .turns("a")
                        .startedAt(day1.plusSeconds(60))
                        .duration(120)
                        .outcome("callback_requested")
                        .requiresAction(true));
        Seeder.seed(
                writer, Calls.of(tenant).turns("a").startedAt(day2).duration(30).outcome("appointment_booked"));
        Seeder.seed(
                writer,
                Calls.of(tenant)
                        .turns("a")
                        .startedAt(day2.plusSeconds(5))
                        .duration(90)
                        .outcome("appointment_booked"));
        Seeder.seed(writer, Calls.of(tenant).turns("a").startedAt(Instant.parse("2026-11-08T10:00:00Z")));

        given().auth()
                .oauth2(Tokens.customer(tenant))
                .queryParam("from", "2026-11-05")
                .queryParam("to", "2026-11-06")
                .get("/api/v1/analytics")
                .then()
                .statusCode(200)
                .body("totalCalls", equalTo(4))
                .body("callsPerDay.day", contains("2026-11-05", "2026-11-06"))
                .body("callsPerDay.calls", contains(2, 2))
                .body("outcomes.outcome", contains("appointment_booked", "callback_requested"))
                .body("outcomes.calls", contains(3, 1))
                .body("averageDurationSeconds", equalTo(75.0f))
                .body("actionRequiredCalls", equalTo(1))
                .body("actionRequiredRate", equalTo(0.25f));
        given().auth()
                .oauth2(Tokens.customer(tenant))
                .queryParam("from", "2026-12-01")
                .queryParam("to", "2026-12-31")
                .get("/api/v1/analytics")
                .then()
                .statusCode(200)
                .body("totalCalls", equalTo(0));
    }

    @Test
    void badRangesAre400() {
        String token = Tokens.customer("t-x");
        given().auth()
                .oauth2(token)
                .get("/api/v1/analytics")
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("from", "to"));
        given().auth()
                .oauth2(token)
                .queryParam("from", "2026-11-05")
                .queryParam("to", "last week")
                .get("/api/v1/analytics")
                .then()
                .statusCode(400)
                .body("errors.field", contains("to"));
        given().auth()
                .oauth2(token)
                .queryParam("from", "2026-11-05")
                .queryParam("to", "2026-11-01")
                .get("/api/v1/analytics")
                .then()
                .statusCode(400)
                .body("errors.field", contains("to"));
        given().auth()
                .oauth2(token)
                .queryParam("from", "2020-01-01")
                .queryParam("to", "2026-11-01")
                .get("/api/v1/analytics")
                .then()
                .statusCode(400)
                .body("errors.field", contains("to"));
    }
}
