package com.spotfunnel.voice.dashboard.projection;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.spotfunnel.voice.dashboard.support.Calls;
import com.spotfunnel.voice.dashboard.support.DashboardApiProfile;
import com.spotfunnel.voice.dashboard.support.EventProducer;
import com.spotfunnel.voice.dashboard.support.Metrics;
import com.spotfunnel.voice.dashboard.support.Tables;
import com.spotfunnel.voice.dashboard.support.Tokens;
import com.spotfunnel.voice.events.CallEvent;
import com.spotfunnel.voice.events.payload.CallAnalyzed;
import com.spotfunnel.voice.events.payload.CallEnded;
import com.spotfunnel.voice.events.payload.CallStarted;
import com.spotfunnel.voice.events.payload.CallStatusReported;
import com.spotfunnel.voice.events.payload.CallTransferred;
import com.spotfunnel.voice.events.payload.Speaker;
import com.spotfunnel.voice.events.payload.TranscriptTurn;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.infra.testing.PostgresTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** call-events on the real broker → PostgreSQL → the API; replays and any order give the same tables. */
@QuarkusTest
@TestProfile(DashboardApiProfile.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class ProjectionTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    AgroalDataSource db;

    @Test
    void eventsOnTheBrokerAppearThroughTheApiAndReplayingThemChangesNothing() {
        String tenant = "t-" + UUID.randomUUID();
        Calls call = Calls.of(tenant).requiresAction(true).turns("Hi, Acme Dental", "I need to move my appointment");
        List<CallEvent> events = call.events();
        EventProducer.send(bootstrap, events);

        awaitCall(tenant, call.callId());
        given().auth()
                .oauth2(Tokens.customer(tenant))
                .get("/api/v1/calls/" + call.callId())
                .then()
                .statusCode(200)
                .body("status", equalTo("completed"))
                .body("callerPhone", equalTo("+15551230000"))
                .body("reasonForCalling", equalTo("Book a dental cleaning"))
                .body("transcript.text", contains("Hi, Acme Dental", "I need to move my appointment"))
                .body("costs.items", hasSize(2))
                .body("action.requiresAction", equalTo(true));
        String before = Tables.everythingOf(db, tenant);
        String applied = "SELECT count(*) FROM dashboard.applied_events WHERE call_id = ?";
        assertEquals(events.size(), Tables.count(db, applied, call.callId()));

        // The same records again, then the same events re-published with new ids in reverse order.
        EventProducer.send(bootstrap, events);
        List<CallEvent> republished = new ArrayList<>();
        events.forEach(e -> republished.add(
                new CallEvent(UUID.randomUUID(), e.tenantId(), e.callId(), e.seq(), e.occurredAt(), e.payload())));
        Collections.reverse(republished);
        EventProducer.send(bootstrap, republished);
        // One partition per call: once the re-published ones are recorded, the exact replays were handled too.
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> Tables.count(db, applied, call.callId()) == 2L * events.size());

        assertEquals(before, Tables.everythingOf(db, tenant));
    }

    @Test
    void theOrderEventsArriveInDoesNotMatter() {
        String tenant = "t-" + UUID.randomUUID();
        List<CallEvent> inOrder =
                Calls.of(tenant).requiresAction(true).turns("a", "b", "c").events();
        List<CallEvent> reversed = new ArrayList<>(withNewCallId(inOrder));
        Collections.reverse(reversed);
        // Analysis first, then the end, then the rest: the case the pipeline produces in real life.
        List<CallEvent> analysedFirst = new ArrayList<>(withNewCallId(inOrder));
        analysedFirst.sort((a, b) -> rank(a) - rank(b));

        EventProducer.send(bootstrap, inOrder);
        EventProducer.send(bootstrap, reversed);
        EventProducer.send(bootstrap, analysedFirst);
        for (List<CallEvent> call : List.of(inOrder, reversed, analysedFirst)) {
            awaitApplied(call.get(0).callId(), call.size());
        }
        String expected = Tables.projectionOf(db, inOrder.get(0).callId());
        assertEquals(expected, Tables.projectionOf(db, reversed.get(0).callId()));
        assertEquals(expected, Tables.projectionOf(db, analysedFirst.get(0).callId()));
    }

    @Test
    void twilioBilledDurationReachesTheCallLogBeforeOrAfterTheCallsOtherEvents() {
        String tenant = "t-" + UUID.randomUUID();
        Calls call = Calls.of(tenant).duration(95);
        List<CallEvent> events = new ArrayList<>(call.events());
        CallEvent last = events.get(events.size() - 1);
        // Twilio's status callback usually lands just after CallEnded; here it arrives first of all
        events.add(
                0,
                CallEvent.of(
                        tenant,
                        call.callId(),
                        last.seq() + 1,
                        last.occurredAt(),
                        new CallStatusReported("completed", 97L)));
        EventProducer.send(bootstrap, events);
        awaitApplied(call.callId(), events.size());

        given().auth()
                .oauth2(Tokens.customer(tenant))
                .get("/api/v1/calls/" + call.callId())
                .then()
                .statusCode(200)
                .body("durationSeconds", equalTo(95))
                .body("twilioStatus", equalTo("completed"))
                .body("twilioDurationSeconds", equalTo(97));
        given().auth()
                .oauth2(Tokens.customer(tenant))
                .get("/api/v1/calls?limit=5")
                .then()
                .statusCode(200)
                .body("items.find { it.callId == '" + call.callId() + "' }.twilioDurationSeconds", equalTo(97));
    }

    /** Issue 14: the transfer's outcome, and whether the caller went back to the agent, on the call's detail. */
    @Test
    void aTransferThatRangOutAndReturnedToTheAgentIsOnTheCallDetail() {
        String tenant = "t-" + UUID.randomUUID();
        Calls call = Calls.of(tenant).requiresAction(true).turns("Put me through please", "Nobody answered");
        List<CallEvent> events = new ArrayList<>(call.events());
        CallEvent last = events.get(events.size() - 1);
        events.add(CallEvent.of(
                tenant,
                call.callId(),
                last.seq() + 1,
                last.occurredAt(),
                new CallTransferred("+15559990001", "caller_request", "initiated")));
        events.add(CallEvent.of(
                tenant,
                call.callId(),
                last.seq() + 2,
                last.occurredAt(),
                new CallTransferred("+15559990001", "caller_request", "no-answer", true)));
        java.util.Collections.reverse(events); // the newest outcome wins whatever the arrival order
        EventProducer.send(bootstrap, events);
        awaitApplied(call.callId(), events.size());

        given().auth()
                .oauth2(Tokens.customer(tenant))
                .get("/api/v1/calls/" + call.callId())
                .then()
                .statusCode(200)
                .body("transferredTo", equalTo("+15559990001"))
                .body("transferOutcome", equalTo("no-answer"))
                .body("transferReturnedToAgent", equalTo(true))
                .body("action.requiresAction", equalTo(true));
    }

    @Test
    void aCallWithGapsIsShownWithWhatArrived() {
        String tenant = "t-" + UUID.randomUUID();
        List<CallEvent> events =
                new ArrayList<>(Calls.of(tenant).turns("x", "y").events());
        events.removeIf(e -> e.payload() instanceof CallStarted || e.payload() instanceof CallEnded);
        EventProducer.send(bootstrap, events);
        String callId = events.get(0).callId();
        awaitApplied(callId, events.size());
        given().auth()
                .oauth2(Tokens.customer(tenant))
                .get("/api/v1/calls/" + callId)
                .then()
                .statusCode(200)
                .body("status", equalTo("in_progress"))
                .body("callerPhone", nullValue())
                .body("startedAt", equalTo("2026-11-20T10:00:05Z"))
                .body("outcome", equalTo("appointment_booked"))
                .body("transcript", hasSize(2));
    }

    @Test
    void anEventClaimingAnotherTenantsCallChangesNothing() {
        String tenant = "t-" + UUID.randomUUID();
        List<CallEvent> events = Calls.of(tenant).events();
        EventProducer.send(bootstrap, events);
        String callId = events.get(0).callId();
        awaitApplied(callId, events.size());
        String before = Tables.projectionOf(db, callId);

        List<CallEvent> forged = new ArrayList<>();
        for (CallEvent e : Calls.of("t-intruder").summary("forged").events()) {
            forged.add(
                    new CallEvent(UUID.randomUUID(), "t-intruder", callId, e.seq() + 100, e.occurredAt(), e.payload()));
        }
        EventProducer.send(bootstrap, forged);
        awaitApplied(callId, events.size() + forged.size());
        assertEquals(before, Tables.projectionOf(db, callId));
        given().auth()
                .oauth2(Tokens.customer("t-intruder"))
                .get("/api/v1/calls/" + callId)
                .then()
                .statusCode(404);
    }

    @Test
    void anEventTheDatabaseRefusesIsSkippedAloneAndCounted() {
        String tenant = "t-" + UUID.randomUUID();
        double rejectedBefore = Metrics.value("dashboard_projection_events_total{outcome=\"rejected\"}");
        List<CallEvent> events =
                new ArrayList<>(Calls.of(tenant).turns("fine", "also fine").events());
        CallEvent nul = events.get(1);
        events.set(
                1,
                new CallEvent(
                        nul.eventId(),
                        nul.tenantId(),
                        nul.callId(),
                        nul.seq(),
                        nul.occurredAt(),
                        new TranscriptTurn(0, Speaker.AGENT, "a NUL \u0000 byte PostgreSQL refuses", 0, 10, false)));
        EventProducer.send(bootstrap, events);
        String callId = events.get(0).callId();
        awaitApplied(callId, events.size() - 1);
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() ->
                        Metrics.value("dashboard_projection_events_total{outcome=\"rejected\"}") == rejectedBefore + 1);
        given().auth()
                .oauth2(Tokens.customer(tenant))
                .get("/api/v1/calls/" + callId)
                .then()
                .statusCode(200)
                .body("status", equalTo("completed"))
                .body("transcript.text", contains("also fine"));
    }

    private void awaitApplied(String callId, int events) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> Tables.count(db, "SELECT count(*) FROM dashboard.applied_events WHERE call_id = ?", callId)
                        == events);
    }

    private static void awaitCall(String tenant, String callId) {
        Predicate<Integer> found = status -> status == 200;
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> found.test(given().auth()
                                .oauth2(Tokens.customer(tenant))
                                .get("/api/v1/calls/" + callId)
                                .statusCode())
                        && given().auth()
                                        .oauth2(Tokens.customer(tenant))
                                        .get("/api/v1/calls/" + callId)
                                        .jsonPath()
                                        .getString("summary")
                                != null);
    }

    private static List<CallEvent> withNewCallId(List<CallEvent> events) {
        String callId = "call-" + UUID.randomUUID();
        return events.stream()
                .map(e -> new CallEvent(UUID.randomUUID(), e.tenantId(), callId, e.seq(), e.occurredAt(), e.payload()))
                .toList();
    }

    private static int rank(CallEvent e) {
        if (e.payload() instanceof CallAnalyzed) {
            return 0;
        }
        return e.payload() instanceof CallEnded ? 1 : 2;
    }
}
