package com.spotfunnel.voice.admin.events;

import static com.spotfunnel.voice.infra.testing.PrometheusMetrics.awaitLine;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.spotfunnel.voice.admin.support.AnalyticsReports;
import com.spotfunnel.voice.admin.support.CallEventsTopic;
import com.spotfunnel.voice.admin.support.Tokens;
import com.spotfunnel.voice.events.CallEvent;
import com.spotfunnel.voice.events.payload.CallCosts;
import com.spotfunnel.voice.events.payload.CallEnded;
import com.spotfunnel.voice.events.payload.CallStatus;
import com.spotfunnel.voice.events.payload.CostRecorded;
import com.spotfunnel.voice.events.payload.Severity;
import com.spotfunnel.voice.events.payload.Stage;
import com.spotfunnel.voice.events.payload.SystemError;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.infra.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A poison record costs operator analytics one parked row (GET /analytics/parked-events) and one count on
 * projection_records_parked_total, and nothing else: the records after it are applied.
 */
@QuarkusTest
@TestProfile(ParkedEventsTest.Profile.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class ParkedEventsTest {

    static final String TOPIC = "call-events-parked-admin";
    private static final String DAY = "2026-05-01";
    private static final String GARBAGE = "{\"type\":\"CallEnded\",\"payload\":";

    /** Its own topic: the counts below are this test's alone. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.incoming.call-events.topic", TOPIC);
        }
    }

    @Test
    void anUndecodableRecordAndAnEventPostgresRefusesAreParkedAndCountedAndTheNextEventsApplied() {
        String tenant = "parked-" + UUID.randomUUID().toString().substring(0, 8);
        String call = tenant + "-c1";
        Instant at = Instant.parse(DAY + "T10:00:00Z");
        CallEvent refused = CallEvent.of(
                tenant,
                call,
                1,
                at.plusSeconds(5),
                new SystemError(
                        "timeout",
                        Severity.ERROR,
                        "pipeline-service",
                        "a NUL \u0000 byte PostgreSQL refuses",
                        null,
                        Map.of()));

        CallEventsTopic.sendGarbage(TOPIC, call, GARBAGE);
        CallEventsTopic.send(
                TOPIC,
                List.of(
                        CallEvent.of(
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
                                        new BigDecimal("0.0100"))),
                        refused,
                        CallEvent.of(
                                tenant,
                                call,
                                2,
                                at.plusSeconds(60),
                                new CallEnded(CallStatus.COMPLETED, "caller_hangup", 60, CallCosts.ZERO))));

        awaitLine("projection_records_parked_total{consumer=\"admin-api\",reason=\"malformed\"} 1.0");
        awaitLine("projection_records_parked_total{consumer=\"admin-api\",reason=\"refused_data\"} 1.0");
        awaitLine("analytics_projection_events_total{outcome=\"rejected\"} 1.0");
        // the events before and after the refused one are applied
        awaitLine("analytics_projection_events_total{outcome=\"applied\"} 2.0");
        assertEquals(
                1,
                AnalyticsReports.intelligence(tenant, DAY, DAY)
                        .getInt("endedCalls.find { it.label == 'completed' }.calls"));
        String total = AnalyticsReports.costs(tenant, DAY, DAY).getString("total.total");
        assertEquals(0, new BigDecimal("0.0100").compareTo(new BigDecimal(total)), total);

        // an operator sees both, as they were written
        JsonPath parked = given().auth()
                .oauth2(Tokens.admin())
                .get("/analytics/parked-events")
                .then()
                .statusCode(200)
                .body("topic", hasItem(TOPIC))
                .extract()
                .jsonPath();
        String malformed = "find { it.topic == '" + TOPIC + "' && it.reason == 'malformed' }";
        assertEquals(GARBAGE, parked.getString(malformed + ".rawValue"));
        assertEquals(0, parked.getInt(malformed + ".offset"));
        assertEquals(call, parked.getString(malformed + ".key"));
        String refusedRow = "find { it.topic == '" + TOPIC + "' && it.reason == 'refused_data' }";
        assertEquals(refused.eventId().toString(), parked.getString(refusedRow + ".eventId"));
        assertEquals("SystemError", parked.getString(refusedRow + ".eventType"));
        assertEquals(call, parked.getString(refusedRow + ".callId"));
        given().auth()
                .oauth2(Tokens.customer())
                .get("/analytics/parked-events")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.admin())
                .queryParam("limit", 0)
                .get("/analytics/parked-events")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("limit"));
    }
}
