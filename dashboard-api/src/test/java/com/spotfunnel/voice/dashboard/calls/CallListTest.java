package com.spotfunnel.voice.dashboard.calls;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spotfunnel.voice.dashboard.projection.ProjectionWriter;
import com.spotfunnel.voice.dashboard.support.CallPages;
import com.spotfunnel.voice.dashboard.support.Calls;
import com.spotfunnel.voice.dashboard.support.DashboardApiProfile;
import com.spotfunnel.voice.dashboard.support.Seeder;
import com.spotfunnel.voice.dashboard.support.Tokens;
import com.spotfunnel.voice.events.payload.CallStatus;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.infra.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Filters, search, sort, keyset pages and bad input on the call list. Each test has its own tenant. */
@QuarkusTest
@TestProfile(DashboardApiProfile.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class CallListTest {

    private static final Instant DAY = Instant.parse("2026-11-10T09:00:00Z");

    @Inject
    ProjectionWriter writer;

    @Test
    void keysetPagesReturnEveryCallExactlyOnceInOrderForEverySort() {
        String tenant = tenant();
        List<Calls> seeded = new ArrayList<>();
        for (int i = 0; i < 53; i++) {
            // Ties on purpose: groups of three share a start time, groups of five a duration.
            seeded.add(Seeder.seed(
                    writer,
                    Calls.of(tenant)
                            .turns("hi")
                            .startedAt(DAY.plusSeconds(60L * (i / 3)))
                            .duration(10 + i / 5)));
        }
        Set<String> all = new HashSet<>();
        seeded.forEach(c -> all.add(c.callId()));
        for (String sort : List.of("-startedAt", "startedAt", "-duration", "duration")) {
            CallPages read = CallPages.read(Tokens.customer(tenant), Map.of("limit", 7, "sort", sort));
            List<Map<String, Object>> rows = read.rows();
            int pages = read.pages();
            List<String> ids = read.callIds();
            assertEquals(53, ids.size(), sort + ": every call once");
            assertEquals(all, new HashSet<>(ids), sort + ": exactly the tenant's calls");
            assertEquals(8, pages, sort + ": 7 full pages and one of 4");
            Comparator<Map<String, Object>> order = sort.contains("startedAt")
                    ? Comparator.comparing(r -> Instant.parse((String) r.get("startedAt")))
                    : Comparator.comparing(r -> ((Number) r.get("durationSeconds")).longValue());
            order = order.thenComparing(r -> (String) r.get("callId"));
            if (sort.startsWith("-")) {
                order = order.reversed();
            }
            List<Map<String, Object>> sorted = new ArrayList<>(rows);
            sorted.sort(order);
            assertEquals(sorted, rows, sort + ": in order");
        }
    }

    @Test
    void pageSizeIsCappedAndDefaulted() {
        String tenant = tenant();
        for (int i = 0; i < 30; i++) {
            Seeder.seed(writer, Calls.of(tenant).turns("hi").startedAt(DAY.plusSeconds(i)));
        }
        given().auth()
                .oauth2(Tokens.customer(tenant))
                .queryParam("limit", 100000)
                .get("/api/v1/calls")
                .then()
                .statusCode(200)
                .body("limit", equalTo(25))
                .body("items", hasSize(25));
        given().auth()
                .oauth2(Tokens.customer(tenant))
                .get("/api/v1/calls")
                .then()
                .statusCode(200)
                .body("limit", equalTo(25))
                .body("items", hasSize(25));
    }

    @Test
    void filtersNarrowTheList() {
        String tenant = tenant();
        Calls early = Seeder.seed(writer, Calls.of(tenant).startedAt(DAY.minusSeconds(86400 * 3)));
        Calls failed = Seeder.seed(
                writer,
                Calls.of(tenant).startedAt(DAY).status(CallStatus.FAILED).outcome("no_resolution"));
        Calls flagged = Seeder.seed(
                writer,
                Calls.of(tenant)
                        .startedAt(DAY.plusSeconds(60))
                        .requiresAction(true)
                        .outcome("callback_requested"));
        Calls archived = Seeder.seed(writer, Calls.of(tenant).startedAt(DAY.plusSeconds(120)));
        given().auth()
                .oauth2(Tokens.customer(tenant))
                .put("/api/v1/calls/" + archived.callId() + "/archive")
                .then()
                .statusCode(200)
                .body("archived", equalTo(true))
                .body("archivedBy", equalTo("staff-of-" + tenant));

        assertIds(tenant, Map.of(), early, failed, flagged);
        assertIds(tenant, Map.of("archived", "include"), early, failed, flagged, archived);
        assertIds(tenant, Map.of("archived", "only"), archived);
        assertIds(tenant, Map.of("status", "failed"), failed);
        assertIds(
                tenant, Map.of("status", "failed,completed", "archived", "include"), early, failed, flagged, archived);
        assertIds(tenant, Map.of("status", "in_progress"));
        assertIds(tenant, Map.of("outcome", "callback_requested"), flagged);
        assertIds(tenant, Map.of("requiresAction", "true"), flagged);
        assertIds(tenant, Map.of("requiresAction", "false"), early, failed);
        assertIds(tenant, Map.of("from", "2026-11-10"), failed, flagged);
        assertIds(tenant, Map.of("to", "2026-11-09"), early);
        assertIds(tenant, Map.of("from", "2026-11-10T09:00:30Z", "to", "2026-11-10T09:01:00.000001Z"), flagged);
    }

    @Test
    void searchFindsTranscriptTextReasonSummaryAndPhone() {
        String tenant = tenant();
        Calls plumbing = Seeder.seed(
                writer,
                Calls.of(tenant)
                        .reason("Leaking kitchen pipe")
                        .summary("Plumber visit arranged")
                        .callerPhone("+14155550123")
                        .turns("Hello there", "My basement is flooding since yesterday"));
        Calls dental = Seeder.seed(
                writer,
                Calls.of(tenant)
                        .reason("Tooth ache")
                        .summary("Booked an exam")
                        .callerPhone("+442071234567")
                        .turns("Welcome", "Can I see the dentist tomorrow"));

        assertIds(tenant, Map.of("q", "flooded basement"), plumbing);
        assertIds(tenant, Map.of("q", "dentist"), dental);
        assertIds(tenant, Map.of("q", "leaking"), plumbing);
        assertIds(tenant, Map.of("q", "exam"), dental);
        assertIds(tenant, Map.of("q", "555-0123"), plumbing);
        assertIds(tenant, Map.of("q", "+44 20 7123"), dental);
        assertIds(tenant, Map.of("q", "volcano"));
        // Injection attempts are just text that matches nothing; the table is still there afterwards.
        assertIds(tenant, Map.of("q", "'; DROP TABLE dashboard.call_logs; --"));
        assertIds(tenant, Map.of("q", "x') OR 1=1 --"));
        assertIds(tenant, Map.of("q", "dentist", "outcome", "appointment_booked"), dental);
    }

    @Test
    void badInputIs400NamingEveryBadField() {
        String token = Tokens.customer(tenant());
        Map<String, String> cases = Map.ofEntries(
                Map.entry("from", "yesterday"),
                Map.entry("to", "2026-13-45"),
                Map.entry("status", "ringing"),
                Map.entry("outcome", "x' OR '1'='1"),
                Map.entry("requiresAction", "maybe"),
                Map.entry("archived", "hidden"),
                Map.entry("q", "x".repeat(201)),
                Map.entry("sort", "caller_phone; DROP TABLE x"),
                Map.entry("cursor", "not-a-cursor"),
                Map.entry("limit", "-5"));
        cases.forEach((field, value) -> given().auth()
                .oauth2(token)
                .queryParam(field, value)
                .get("/api/v1/calls")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", contains(field)));
        given().auth()
                .oauth2(token)
                .queryParam("limit", "ten")
                .get("/api/v1/calls")
                .then()
                .statusCode(400)
                .body("errors.field", contains("limit"));
        given().auth()
                .oauth2(token)
                .queryParam("limit", 0)
                .get("/api/v1/calls")
                .then()
                .statusCode(400)
                .body("errors.field", contains("limit"));
        given().auth()
                .oauth2(token)
                .queryParam("from", "2026-11-10")
                .queryParam("to", "2026-11-01")
                .get("/api/v1/calls")
                .then()
                .statusCode(400)
                .body("errors.field", contains("to"));
        given().auth()
                .oauth2(token)
                .queryParam("from", "nope")
                .queryParam("status", "nope")
                .queryParam("limit", -1)
                .get("/api/v1/calls")
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("from", "status", "limit"));
        // A cursor made for one sort is refused by another.
        String tenant = tenant();
        for (int i = 0; i < 3; i++) {
            Seeder.seed(writer, Calls.of(tenant).turns("hi"));
        }
        String cursor = given().auth()
                .oauth2(Tokens.customer(tenant))
                .queryParam("limit", 1)
                .get("/api/v1/calls")
                .then()
                .statusCode(200)
                .extract()
                .path("nextCursor");
        given().auth()
                .oauth2(Tokens.customer(tenant))
                .queryParam("cursor", cursor)
                .queryParam("sort", "duration")
                .get("/api/v1/calls")
                .then()
                .statusCode(400)
                .body("errors.field", contains("cursor"));
    }

    @Test
    void detailHasTranscriptCostsAndCapturedData() {
        String tenant = tenant();
        Calls call = Seeder.seed(writer, Calls.of(tenant).turns("Hello", "I need a cleaning", "Tuesday works"));
        given().auth()
                .oauth2(Tokens.customer(tenant))
                .get("/api/v1/calls/" + call.callId())
                .then()
                .statusCode(200)
                .body("callId", equalTo(call.callId()))
                .body("status", equalTo("completed"))
                .body("durationSeconds", equalTo(95))
                .body("transcript.text", contains("Hello", "I need a cleaning", "Tuesday works"))
                .body("transcript.speaker", contains("agent", "caller", "agent"))
                .body("costs.total", equalTo(0.033f))
                .body("costs.stt", equalTo(0.01f))
                .body("costs.items", hasSize(3))
                .body("capturedData.name", equalTo("Ada"))
                .body("outcome", equalTo("appointment_booked"))
                .body("priority", equalTo("medium"))
                .body("action.requiresAction", equalTo(false))
                .body("archive.archivedAt", nullValue());
        given().auth()
                .oauth2(Tokens.customer(tenant))
                .get("/api/v1/calls/call-that-does-not-exist")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    private static void assertIds(String tenant, Map<String, String> params, Calls... expected) {
        List<String> ids = given().auth()
                .oauth2(Tokens.customer(tenant))
                .queryParams(params)
                .get("/api/v1/calls")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.callId");
        List<String> want = java.util.Arrays.stream(expected).map(Calls::callId).toList();
        assertEquals(new HashSet<>(want), new HashSet<>(ids), "calls for " + params);
        assertTrue(ids.size() == want.size(), "no duplicates for " + params);
    }

    static String tenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
