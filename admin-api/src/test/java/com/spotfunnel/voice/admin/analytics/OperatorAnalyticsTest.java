package com.spotfunnel.voice.admin.analytics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.spotfunnel.voice.admin.support.AnalyticsReports;
import com.spotfunnel.voice.admin.support.CallEventsTopic;
import com.spotfunnel.voice.admin.support.Tokens;
import com.spotfunnel.voice.events.CallEvent;
import com.spotfunnel.voice.events.payload.CallAnalyzed;
import com.spotfunnel.voice.events.payload.CallCosts;
import com.spotfunnel.voice.events.payload.CallEnded;
import com.spotfunnel.voice.events.payload.CallStarted;
import com.spotfunnel.voice.events.payload.CallStatus;
import com.spotfunnel.voice.events.payload.CostRecorded;
import com.spotfunnel.voice.events.payload.EventPayload;
import com.spotfunnel.voice.events.payload.Priority;
import com.spotfunnel.voice.events.payload.ProviderFailed;
import com.spotfunnel.voice.events.payload.Severity;
import com.spotfunnel.voice.events.payload.Stage;
import com.spotfunnel.voice.events.payload.SystemError;
import com.spotfunnel.voice.events.payload.TranscriptTurn;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.infra.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class OperatorAnalyticsTest {

    private static final String DAY1 = "2026-03-01";
    private static final String DAY2 = "2026-03-02";
    private static final String DAY3 = "2026-03-03";

    @Test
    void sumsMatchTheEventsFedAndAReplayChangesNothing() {
        String tenant = "an-" + UUID.randomUUID().toString().substring(0, 8);
        String call1 = tenant + "-c1";
        String call2 = tenant + "-c2";
        String call3 = tenant + "-c3";
        List<CallEvent> events = new ArrayList<>();
        // call 1: analysed before it ended (order-insensitive)
        events.add(event(tenant, call1, 0, DAY1, new CallStarted("CA1", "+14155550100", "+15005550006", "inbound")));
        events.add(event(
                tenant,
                call1,
                1,
                DAY1,
                new TranscriptTurn(0, com.spotfunnel.voice.events.payload.Speaker.CALLER, "hi", 0, 900, false)));
        events.add(event(tenant, call1, 2, DAY1, cost(Stage.STT, "deepgram", "0.0050")));
        events.add(event(tenant, call1, 3, DAY1, cost(Stage.LLM, "openai", "0.0120")));
        events.add(event(tenant, call1, 4, DAY1, cost(Stage.TTS, "cartesia", "0.0200")));
        events.add(event(
                tenant,
                call1,
                6,
                DAY1,
                new CallAnalyzed(
                        "Booked.", "Book Appointment", "appointment_booked", Map.of(), true, Priority.MEDIUM)));
        events.add(event(
                tenant, call1, 5, DAY1, new CallEnded(CallStatus.COMPLETED, "agent_goodbye", 60, CallCosts.ZERO)));
        // call 2: a provider failed over
        events.add(event(
                tenant,
                call2,
                0,
                DAY1,
                new ProviderFailed(Stage.LLM, "openai", "timeout", "no first token", "gemini")));
        events.add(event(tenant, call2, 1, DAY1, cost(Stage.LLM, "gemini", "0.0031")));
        events.add(event(tenant, call2, 2, DAY1, new CallEnded(CallStatus.FAILED, "ai_failure", 30, CallCosts.ZERO)));
        events.add(event(
                tenant,
                call2,
                3,
                DAY1,
                new CallAnalyzed("Billing.", "billing question", "no_resolution", Map.of(), false, Priority.LOW)));
        // call 3, the next day: a critical system error
        events.add(event(tenant, call3, 0, DAY2, cost(Stage.TTS, "elevenlabs", "0.0100")));
        events.add(event(
                tenant,
                call3,
                1,
                DAY2,
                new SystemError(
                        "all_llm_failed",
                        Severity.CRITICAL,
                        "pipeline-service",
                        "Every LLM provider failed",
                        "java.lang.IllegalStateException: boom\n\tat X.y(X.java:1)",
                        Map.of("providers", "openai,gemini"))));
        events.add(event(
                tenant,
                call3,
                2,
                DAY2,
                new CallAnalyzed("Booked.", "book_appointment", "appointment_booked", Map.of(), true, Priority.HIGH)));

        CallEventsTopic.sendGarbage(call1, "{not an event");
        CallEventsTopic.send(events);

        awaitAsserted(() -> assertFigures(tenant));
        awaitAsserted(OperatorAnalyticsTest::assertAllTenantRollupsAgreeWithPerTenantOnes);
        assertCallCost(call1, null, tenant, "0.0370", 3);
        given().auth()
                .oauth2(Tokens.admin())
                .get("/analytics/costs/calls/" + tenant + "-never")
                .then()
                .statusCode(404);

        // Replay everything, plus a second analysis of call 1 (a new event id): nothing may change.
        List<CallEvent> replay = new ArrayList<>(events);
        replay.add(event(
                tenant, call1, 7, DAY1, new CallAnalyzed("Again.", "other", "other", Map.of(), true, Priority.LOW)));
        String sentinel = tenant + "-sentinel";
        for (String call : List.of(call1, call2, call3)) {
            replay.add(event(sentinel, call, 99, DAY1, cost(Stage.LLM, "openai", "1")));
        }
        CallEventsTopic.send(replay);
        awaitAsserted(() -> assertEquals(
                0,
                new BigDecimal("3")
                        .compareTo(AnalyticsReports.costs(sentinel, DAY1, DAY1)
                                .getObject("total.total", BigDecimal.class))));
        assertFigures(tenant);
        // The sentinel tenant's costs under the same call ids are not this tenant's call.
        assertCallCost(call1, tenant, tenant, "0.0370", 3);
        assertCallCost(call1, sentinel, sentinel, "1", 1);
    }

    private static void assertCallCost(String callId, String tenantFilter, String tenant, String total, int items) {
        JsonPath cost = AnalyticsReports.callCost(callId, tenantFilter);
        assertEquals(tenant, cost.getString("tenantId"));
        assertEquals(0, new BigDecimal(total).compareTo(cost.getObject("totalUsd", BigDecimal.class)), cost.prettify());
        assertEquals(items, cost.getList("items").size(), cost.prettify());
    }

    @Test
    void anAllTenantErrorGroupCountsEachTenantOnceAndOnlyTheUnresolvedAsOpen() {
        String type = "grouping_" + UUID.randomUUID().toString().substring(0, 8);
        String tenantA = "ga-" + UUID.randomUUID().toString().substring(0, 8);
        String tenantB = "gb-" + UUID.randomUUID().toString().substring(0, 8);
        CallEventsTopic.send(List.of(
                event(tenantA, tenantA + "-c1", 1, DAY3, error(type, "a1")),
                event(tenantA, tenantA + "-c2", 5, DAY3, error(type, "a5")),
                event(tenantB, tenantB + "-c1", 3, DAY3, error(type, "b3"))));
        String group = "find { it.errorType == '" + type + "' }";

        awaitAsserted(() -> given().auth()
                .oauth2(Tokens.admin())
                .queryParam("from", DAY3)
                .queryParam("to", DAY3)
                .get("/analytics/errors")
                .then()
                .statusCode(200)
                .body(group + ".occurrences", equalTo(3))
                .body(group + ".open", equalTo(3))
                .body(group + ".tenants", equalTo(2))
                .body(group + ".firstSeen", equalTo(DAY3 + "T10:00:01Z"))
                .body(group + ".lastSeen", equalTo(DAY3 + "T10:00:05Z"))
                .body(group + ".latestMessage", equalTo("a5")));

        given().auth()
                .oauth2(Tokens.admin())
                .queryParam("type", type)
                .queryParam("severity", "warning")
                .queryParam("tenantId", tenantB)
                .post("/analytics/errors/resolve")
                .then()
                .statusCode(200)
                .body("resolved", equalTo(1));
        given().auth()
                .oauth2(Tokens.admin())
                .queryParam("from", DAY3)
                .queryParam("to", DAY3)
                .get("/analytics/errors")
                .then()
                .statusCode(200)
                .body(group + ".occurrences", equalTo(3))
                .body(group + ".open", equalTo(2))
                .body(group + ".tenants", equalTo(2));
    }

    private static SystemError error(String type, String message) {
        return new SystemError(type, Severity.WARNING, "voice-gateway", message, null, Map.of());
    }

    @Test
    void errorsAreGroupedByTypeAndSeverityAndCanBeResolved() {
        String tenant = "er-" + UUID.randomUUID().toString().substring(0, 8);
        List<CallEvent> events = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            events.add(event(
                    tenant,
                    tenant + "-c" + i,
                    0,
                    DAY1,
                    new SystemError(
                            "pipeline_disconnected",
                            Severity.ERROR,
                            "voice-gateway",
                            "socket closed " + i,
                            null,
                            Map.of("attempt", Integer.toString(i)))));
        }
        events.add(event(
                tenant, tenant + "-c9", 0, DAY1, new ProviderFailed(Stage.TTS, "cartesia", "http_5xx", "503", null)));
        CallEventsTopic.send(events);

        awaitAsserted(() -> given().auth()
                .oauth2(Tokens.admin())
                .queryParam("from", DAY1)
                .queryParam("to", DAY1)
                .queryParam("tenantId", tenant)
                .get("/analytics/errors")
                .then()
                .statusCode(200)
                .body("size()", equalTo(2))
                .body("[0].errorType", equalTo("pipeline_disconnected"))
                .body("[0].severity", equalTo("error"))
                .body("[0].occurrences", equalTo(3))
                .body("[0].open", equalTo(3))
                .body("[0].tenants", equalTo(1))
                .body("[1].errorType", equalTo("http_5xx"))
                .body("[1].severity", equalTo("error"))
                .body("[1].latestMessage", equalTo("503")));

        JsonPath occurrences = given().auth()
                .oauth2(Tokens.admin())
                .queryParam("from", DAY1)
                .queryParam("to", DAY1)
                .queryParam("tenantId", tenant)
                .queryParam("type", "http_5xx")
                .get("/analytics/errors/occurrences")
                .then()
                .statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].provider", equalTo("cartesia"))
                .body("[0].stage", equalTo("tts"))
                .body("[0].source", equalTo("ProviderFailed"))
                .extract()
                .jsonPath();
        String id = occurrences.getString("[0].id");
        given().auth()
                .oauth2(Tokens.admin())
                .post("/analytics/errors/occurrences/" + id + "/resolve")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.admin())
                .post("/analytics/errors/occurrences/" + UUID.randomUUID() + "/resolve")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Tokens.admin())
                .queryParam("type", "pipeline_disconnected")
                .queryParam("severity", "error")
                .queryParam("tenantId", tenant)
                .post("/analytics/errors/resolve")
                .then()
                .statusCode(200)
                .body("resolved", equalTo(3));

        given().auth()
                .oauth2(Tokens.admin())
                .queryParam("from", DAY1)
                .queryParam("to", DAY1)
                .queryParam("tenantId", tenant)
                .get("/analytics/errors")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
        given().auth()
                .oauth2(Tokens.admin())
                .queryParam("from", DAY1)
                .queryParam("to", DAY1)
                .queryParam("tenantId", tenant)
                .queryParam("includeResolved", true)
                .get("/analytics/errors")
                .then()
                .statusCode(200)
                .body("size()", equalTo(2))
                .body("[0].open", equalTo(0));
        given().auth()
                .oauth2(Tokens.admin())
                .queryParam("from", DAY1)
                .queryParam("to", DAY1)
                .queryParam("tenantId", tenant)
                .queryParam("includeResolved", true)
                .queryParam("type", "http_5xx")
                .get("/analytics/errors/occurrences")
                .then()
                .body("[0].resolvedBy", equalTo("alice"));
    }

    @Test
    void badQueriesAre400NamingTheParameterAndCustomersAreRefused() {
        given().auth()
                .oauth2(Tokens.admin())
                .queryParam("from", "yesterday")
                .get("/analytics/costs")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("from"));
        given().auth()
                .oauth2(Tokens.admin())
                .queryParam("from", DAY2)
                .queryParam("to", DAY1)
                .get("/analytics/intelligence")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("from"));
        given().auth()
                .oauth2(Tokens.admin())
                .queryParam("from", "2020-01-01")
                .queryParam("to", "2026-01-01")
                .get("/analytics/costs")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("to"));
        given().auth()
                .oauth2(Tokens.admin())
                .queryParam("severity", "bad")
                .get("/analytics/errors/occurrences")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("severity"));
        given().auth().oauth2(Tokens.customer()).get("/analytics/costs").then().statusCode(403);
        given().get("/analytics/intelligence").then().statusCode(401);
    }

    private static void assertFigures(String tenant) {
        JsonPath costs = AnalyticsReports.costs(tenant, DAY1, DAY3);
        assertMoney("0.0050", costs, "total.stt");
        assertMoney("0.0151", costs, "total.llm");
        assertMoney("0.0300", costs, "total.tts");
        assertMoney("0.0501", costs, "total.total");
        assertEquals(3, costs.getList("daily").size(), "every day of the range, zeros included");
        assertEquals(DAY1, costs.getString("daily[0].day"));
        assertMoney("0.0401", costs, "daily[0].costs.total");
        assertMoney("0.0100", costs, "daily[1].costs.total");
        assertMoney("0", costs, "daily[2].costs.total");
        assertMoney("0.0120", costs, "byProvider.find { it.stage == 'llm' && it.provider == 'openai' }.costUsd");
        assertMoney("0.0031", costs, "byProvider.find { it.stage == 'llm' && it.provider == 'gemini' }.costUsd");
        assertMoney("0.0501", costs, "byTenant[0].costs.total");
        assertEquals(tenant, costs.getString("byTenant[0].tenantId"));

        given().auth()
                .oauth2(Tokens.admin())
                .queryParam("from", DAY1)
                .queryParam("to", DAY3)
                .queryParam("tenantId", tenant)
                .get("/analytics/intelligence")
                .then()
                .statusCode(200)
                .body("totals.analyzedCalls", equalTo(3))
                .body("totals.actionRequired", equalTo(2))
                .body("totals.actionRequiredRate", equalTo(0.6667f))
                .body("outcomes[0].label", equalTo("appointment_booked"))
                .body("outcomes[0].calls", equalTo(2))
                .body("outcomes[1].label", equalTo("no_resolution"))
                .body("reasons[0].label", equalTo("book_appointment"))
                .body("reasons[0].calls", equalTo(2))
                .body("reasons[1].label", equalTo("billing_question"))
                .body("endedCalls.find { it.label == 'completed' }.calls", equalTo(1))
                .body("endedCalls.find { it.label == 'failed' }.calls", equalTo(1))
                .body("byTenant[0].tenantId", equalTo(tenant))
                .body("daily.day", equalTo(List.of(DAY1, DAY2, DAY3)))
                .body("daily.calls", equalTo(List.of(2, 0, 0)));

        given().auth()
                .oauth2(Tokens.admin())
                .queryParam("from", DAY1)
                .queryParam("to", DAY3)
                .queryParam("tenantId", tenant)
                .queryParam("includeResolved", true)
                .get("/analytics/errors")
                .then()
                .statusCode(200)
                .body("size()", equalTo(2))
                .body("[0].errorType", equalTo("all_llm_failed"))
                .body("[0].severity", equalTo("critical"))
                .body("[1].errorType", equalTo("timeout"))
                .body("[1].severity", equalTo("warning"));
        given().auth()
                .oauth2(Tokens.admin())
                .queryParam("from", DAY1)
                .queryParam("to", DAY3)
                .queryParam("tenantId", tenant)
                .queryParam("type", "all_llm_failed")
                .get("/analytics/errors/occurrences")
                .then()
                .statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].stackTrace", equalTo("java.lang.IllegalStateException: boom\n\tat X.y(X.java:1)"))
                .body("[0].context.providers", equalTo("openai,gemini"))
                .body("[0].component", equalTo("pipeline-service"))
                .body("[0].callId", equalTo(tenant + "-c3"));
    }

    /** Reports over all tenants read the tenant-less roll-ups; their totals must equal the per-tenant sums. */
    private static void assertAllTenantRollupsAgreeWithPerTenantOnes() {
        JsonPath all = AnalyticsReports.costs(null, DAY1, DAY3);
        BigDecimal byTenant =
                all.getList("byTenant.costs.total", BigDecimal.class).stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal byProvider =
                all.getList("byProvider.costUsd", BigDecimal.class).stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal byDay =
                all.getList("daily.costs.total", BigDecimal.class).stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertMoney(byTenant.toPlainString(), all, "total.total");
        assertEquals(0, byTenant.compareTo(byProvider), "by provider " + byProvider + " vs by tenant " + byTenant);
        assertEquals(0, byTenant.compareTo(byDay), "by day " + byDay + " vs by tenant " + byTenant);

        JsonPath intelligence = AnalyticsReports.intelligence(null, DAY1, DAY3);
        long analyzed = intelligence.getLong("totals.analyzedCalls");
        assertEquals(
                analyzed,
                intelligence.getList("outcomes.calls", Long.class).stream()
                        .mapToLong(Long::longValue)
                        .sum());
        assertEquals(
                analyzed,
                intelligence.getList("byTenant.totals.analyzedCalls", Long.class).stream()
                        .mapToLong(Long::longValue)
                        .sum());
    }

    private static void assertMoney(String expected, JsonPath json, String path) {
        BigDecimal actual = json.getObject(path, BigDecimal.class);
        assertEquals(
                0, new BigDecimal(expected).compareTo(actual), path + ": expected " + expected + " but was " + actual);
    }

    private static void awaitAsserted(org.awaitility.core.ThrowingRunnable assertion) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(300))
                .untilAsserted(assertion);
    }

    private static CostRecorded cost(Stage stage, String provider, String usd) {
        return new CostRecorded(0, stage, provider, null, BigDecimal.ONE, "units", new BigDecimal(usd));
    }

    private static CallEvent event(String tenant, String call, long seq, String day, EventPayload payload) {
        return new CallEvent(
                UUID.nameUUIDFromBytes((tenant + call + seq + payload.getClass()).getBytes()),
                tenant,
                call,
                seq,
                Instant.parse(day + "T10:00:00Z").plusSeconds(seq),
                payload);
    }
}
