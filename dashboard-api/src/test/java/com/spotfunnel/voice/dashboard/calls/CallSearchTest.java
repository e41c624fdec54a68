package com.spotfunnel.voice.dashboard.calls;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.spotfunnel.voice.dashboard.projection.ProjectionWriter;
import com.spotfunnel.voice.dashboard.support.CallPages;
import com.spotfunnel.voice.dashboard.support.Calls;
import com.spotfunnel.voice.dashboard.support.DashboardApiProfile;
import com.spotfunnel.voice.dashboard.support.Seeder;
import com.spotfunnel.voice.dashboard.support.Tokens;
import com.spotfunnel.voice.events.CallEvent;
import com.spotfunnel.voice.events.payload.TranscriptTurn;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.infra.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Search as the customer sees it (issue 15): phone fragments however they are typed, full-text relevance ranked
 * among the tenant's own calls, and no search ever reaching another tenant's calls.
 */
@QuarkusTest
@TestProfile(DashboardApiProfile.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class CallSearchTest {

    private static final Instant DAY = Instant.parse("2026-11-10T09:00:00Z");

    @Inject
    ProjectionWriter writer;

    @Test
    void phoneFragmentsMatchTheCallersDigitsHoweverTheyAreTyped() {
        String tenant = tenant();
        Calls sanFrancisco =
                Seeder.seed(writer, Calls.of(tenant).callerPhone("+14155550123").turns("hi"));
        Calls london = Seeder.seed(
                writer, Calls.of(tenant).callerPhone("+442071234567").turns("hi"));
        Calls fiveFiveFive =
                Seeder.seed(writer, Calls.of(tenant).callerPhone("+15551234999").turns("hi"));

        assertIds(tenant, "0123", sanFrancisco);
        assertIds(tenant, "(415) 555-01", sanFrancisco);
        assertIds(tenant, "+1 415 555 0123", sanFrancisco);
        assertIds(tenant, "555", sanFrancisco, fiveFiveFive);
        assertIds(tenant, "1234", london, fiveFiveFive);
        assertIds(tenant, "20 7123", london);
        assertIds(tenant, "999-000");
    }

    /**
     * A fragment in most of the tenant's numbers (found by walking its calls newest first) and a rare one (found
     * through the digit index) page the same way: newest first, every match once, across pages (CallSql's probe
     * picks the plan; both plans are run here).
     */
    @Test
    void commonAndRarePhoneFragmentsPageNewestFirstThroughEveryMatch() {
        String tenant = tenant();
        List<String> newestFirst = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            Calls call = Seeder.seed(
                    writer,
                    Calls.of(tenant)
                            .callerPhone(String.format("+1555200%04d", i))
                            .startedAt(DAY.plusSeconds(i))
                            .turns("hi"));
            newestFirst.add(0, call.callId());
        }
        // Holds every three-digit piece of 7123 ("712", "123") but not 7123 itself.
        Seeder.seed(writer, Calls.of(tenant).callerPhone("+4420712999123").turns("hi"));

        // "555" is in all 25 numbers: more than CallSql.PHONE_COMMON_MATCHES of the newest calls.
        assertEquals(newestFirst, pages(tenant, "555", 10));
        // "00001" is in 11 of them (…0001 and …0010 to …0019): the digit index's plan.
        // newestFirst.get(k) is the call numbered 24 - k: …0019 to …0010 are 5..14, …0001 is 23.
        List<String> rare = new ArrayList<>(newestFirst.subList(5, 15));
        rare.add(newestFirst.get(23));
        assertEquals(rare, pages(tenant, "00001", 4));
        assertEquals(List.of(newestFirst.get(0)), pages(tenant, "0024", 10));
        assertEquals(List.of(), pages(tenant, "7123", 10));
    }

    private static List<String> pages(String tenant, String q, int limit) {
        return CallPages.read(Tokens.customer(tenant), Map.of("q", q, "limit", limit))
                .callIds();
    }

    @Test
    void fullTextRanksTheTenantsMatchesReasonAboveTranscript() {
        String tenant = tenant();
        String other = tenant();
        // Newest first would be the opposite order: relevance, not time, decides.
        Calls oneMention = Seeder.seed(
                writer,
                Calls.of(tenant)
                        .reason("Book a cleaning")
                        .summary("Booked.")
                        .startedAt(DAY.plusSeconds(300))
                        .turns("Hello", "there is a small leak too"));
        Calls threeMentions = Seeder.seed(
                writer,
                Calls.of(tenant)
                        .reason("Book a cleaning")
                        .summary("Booked.")
                        .startedAt(DAY.plusSeconds(200))
                        .turns("Hello", "a leak, the leak is bad", "leak everywhere"));
        Calls aboutIt = Seeder.seed(
                writer,
                Calls.of(tenant)
                        .reason("Emergency leak")
                        .summary("Plumber sent.")
                        .startedAt(DAY.plusSeconds(100))
                        .turns("Hello", "water in the kitchen"));
        Seeder.seed(
                writer,
                Calls.of(tenant).reason("Opening hours").summary("Told them.").turns("Hello"));
        // Another tenant's call that would rank first anywhere: never part of this tenant's ranking.
        Seeder.seed(
                writer,
                Calls.of(other).reason("Leak leak leak").summary("Leak.").turns("leak leak"));

        List<String> ranked = given().auth()
                .oauth2(Tokens.customer(tenant))
                .queryParam("q", "leaking")
                .queryParam("sort", "relevance")
                .get("/api/v1/calls")
                .then()
                .statusCode(200)
                .body("nextCursor", nullValue())
                .extract()
                .jsonPath()
                .getList("items.callId");
        assertEquals(List.of(aboutIt.callId(), threeMentions.callId(), oneMention.callId()), ranked);

        // Default order is still newest first, over the same matches.
        List<String> newest = given().auth()
                .oauth2(Tokens.customer(tenant))
                .queryParam("q", "leaking")
                .get("/api/v1/calls")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.callId");
        assertEquals(List.of(oneMention.callId(), threeMentions.callId(), aboutIt.callId()), newest);
    }

    @Test
    void searchNeverReachesAnotherTenantsCalls() {
        String mine = tenant();
        String theirs = tenant();
        Calls my = Seeder.seed(
                writer,
                Calls.of(mine)
                        .callerPhone("+14155550123")
                        .reason("Emergency leak")
                        .turns("Hello", "the roof is leaking"));
        Calls their = Seeder.seed(
                writer,
                Calls.of(theirs)
                        .callerPhone("+14155550123")
                        .reason("Emergency leak")
                        .turns("Hello", "the roof is leaking"));

        for (String q : List.of("leak", "roof", "555-0123", "4155550123")) {
            assertIds(mine, q, my);
            assertIds(theirs, q, their);
            List<String> asAdmin = given().auth()
                    .oauth2(Tokens.admin())
                    .queryParam("tenantId", mine)
                    .queryParam("q", q)
                    .get("/api/v1/calls")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("items.callId");
            assertEquals(List.of(my.callId()), asAdmin, "admin naming " + mine + ", q=" + q);
        }
        given().auth()
                .oauth2(Tokens.customer(mine))
                .queryParam("q", "leak")
                .queryParam("sort", "relevance")
                .get("/api/v1/calls")
                .then()
                .statusCode(200)
                .body("items.callId", contains(my.callId()));
        // Naming the other tenant is refused outright, search or not.
        given().auth()
                .oauth2(Tokens.customer(mine))
                .queryParam("tenantId", theirs)
                .queryParam("q", "leak")
                .get("/api/v1/calls")
                .then()
                .statusCode(403);
    }

    @Test
    void theTranscriptIsSearchableWhateverOrderItsTurnsArriveIn() {
        String tenant = tenant();
        Calls call = Calls.of(tenant).turns("Hello", "my boiler is broken", "tomorrow at nine");
        List<CallEvent> events = new ArrayList<>(call.events());
        // Turns first and backwards, before the call's start: the transcript is rebuilt from every turn applied.
        List<CallEvent> turns = events.stream()
                .filter(e -> e.payload() instanceof TranscriptTurn)
                .toList();
        List<CallEvent> reversed = new ArrayList<>(turns);
        java.util.Collections.reverse(reversed);
        List<CallEvent> order = new ArrayList<>(reversed);
        events.stream().filter(e -> !(e.payload() instanceof TranscriptTurn)).forEach(order::add);
        for (CallEvent event : order) {
            writer.apply(event).await().atMost(Duration.ofSeconds(10));
        }
        // A replay of the whole call changes nothing.
        for (CallEvent event : events) {
            writer.apply(event).await().atMost(Duration.ofSeconds(10));
        }
        assertIds(tenant, "boiler", call);
        assertIds(tenant, "hello boiler nine", call);
        assertIds(tenant, "broken tomorrow", call);
    }

    @Test
    void relevanceNeedsWordsAndIsOnePage() {
        String token = Tokens.customer(tenant());
        given().auth()
                .oauth2(token)
                .queryParam("sort", "relevance")
                .get("/api/v1/calls")
                .then()
                .statusCode(400)
                .body("errors.field", contains("sort"));
        given().auth()
                .oauth2(token)
                .queryParam("sort", "relevance")
                .queryParam("q", "555-0123")
                .get("/api/v1/calls")
                .then()
                .statusCode(400)
                .body("errors.field", contains("sort"));
        String tenant = tenant();
        for (int i = 0; i < 3; i++) {
            Seeder.seed(writer, Calls.of(tenant).reason("Emergency leak").turns("hi"));
        }
        given().auth()
                .oauth2(Tokens.customer(tenant))
                .queryParam("q", "leak")
                .queryParam("sort", "relevance")
                .queryParam("limit", 2)
                .get("/api/v1/calls")
                .then()
                .statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.equalTo(2))
                .body("nextCursor", nullValue());
    }

    private static void assertIds(String tenant, String q, Calls... expected) {
        List<String> ids = given().auth()
                .oauth2(Tokens.customer(tenant))
                .queryParams(Map.of("q", q))
                .get("/api/v1/calls")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.callId");
        List<String> want = Arrays.stream(expected).map(Calls::callId).toList();
        assertEquals(new HashSet<>(want), new HashSet<>(ids), "calls for q=" + q);
        assertEquals(want.size(), ids.size(), "no duplicates for q=" + q);
    }

    private static String tenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
