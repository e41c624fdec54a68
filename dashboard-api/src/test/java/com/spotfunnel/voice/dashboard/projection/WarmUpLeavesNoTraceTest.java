package com.spotfunnel.voice.dashboard.projection;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.spotfunnel.voice.dashboard.support.DashboardApiProfile;
import com.spotfunnel.voice.dashboard.support.Tables;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.infra.testing.PostgresTestResource;
import com.spotfunnel.voice.support.startup.SyntheticCallEvents;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The start-up warm-up of the projection: readiness waits for it, it projects every synthetic call's events, and
 * since each batch is rolled back, the read model holds nothing of them afterwards.
 */
@QuarkusTest
@TestProfile(WarmUpLeavesNoTraceTest.WarmUpOn.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class WarmUpLeavesNoTraceTest {

    static final int CALLS = 25;

    public static class WarmUpOn extends DashboardApiProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("dashboard.warm-up.calls", String.valueOf(CALLS));
            return overrides;
        }
    }

    @Inject
    WarmUp warmUp;

    @Inject
    AgroalDataSource db;

    @Test
    void readinessWaitsForTheWarmUpWhoseEventsAreProjectedAndRolledBack() {
        given().get("/q/health/ready").then().body(containsString("dashboard-api warmed up"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(warmUp::finished);
        given().get("/q/health/ready").then().statusCode(200).body(containsString("eventsProjected"));

        int perCall = SyntheticCallEvents.call(0, 4).size();
        assertEquals(CALLS * perCall, warmUp.projected(), "every synthetic call's events went through the projection");
        String nothing = "call_logs:\n\ncall_turns:\n\ncall_cost_items:\n\ncall_actions:\n\ncall_archive:\n\n";
        assertEquals(nothing, Tables.everythingOf(db, SyntheticCallEvents.TENANT), "no row of the warm-up remains");
        assertEquals(
                0,
                Tables.count(
                        db,
                        "SELECT count(*) FROM dashboard.applied_events WHERE call_id LIKE ?",
                        SyntheticCallEvents.callId(0).replace("0", "%")));
    }
}
