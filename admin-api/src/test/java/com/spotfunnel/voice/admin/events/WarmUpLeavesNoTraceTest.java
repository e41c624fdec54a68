package com.spotfunnel.voice.admin.events;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.infra.testing.PostgresTestResource;
import com.spotfunnel.voice.support.startup.SyntheticCallEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The start-up warm-up of the analytics projection and the knowledge search: readiness waits for it, it projects
 * every synthetic call's events and searches, and since each batch is rolled back, no analytics row of it remains,
 * not even in the all-tenant roll-ups.
 */
@QuarkusTest
@TestProfile(WarmUpLeavesNoTraceTest.WarmUpOn.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class WarmUpLeavesNoTraceTest {

    static final int CALLS = 25;

    public static class WarmUpOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "admin.warm-up.calls",
                    String.valueOf(CALLS),
                    "mp.messaging.incoming.call-events.topic",
                    "call-events-admin-warm-up");
        }
    }

    @Inject
    WarmUp warmUp;

    @Inject
    Pool pool;

    @Test
    void readinessWaitsForTheWarmUpWhoseEventsAreProjectedAndRolledBack() {
        given().get("/q/health/ready").then().body(containsString("admin-api warmed up"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(warmUp::finished);
        given().get("/q/health/ready").then().statusCode(200).body(containsString("knowledgeSearches"));

        int perCall = SyntheticCallEvents.call(0, 4).size();
        assertEquals(CALLS * perCall, warmUp.projected(), "every synthetic call's events went through the projection");
        assertTrue(warmUp.searches() > 0, "the knowledge search ran");

        String tenant = SyntheticCallEvents.TENANT;
        LocalDate day = LocalDate.ofInstant(SyntheticCallEvents.DAY, ZoneOffset.UTC);
        for (String table : new String[] {
            "system_errors",
            "call_costs",
            "cost_daily",
            "cost_daily_tenant",
            "calls_daily",
            "intelligence_daily",
            "intelligence_daily_tenant"
        }) {
            assertEquals(0, count("SELECT count(*) FROM admin." + table + " WHERE tenant_id = $1", tenant), table);
        }
        for (String table : new String[] {"cost_daily_all", "calls_daily_all", "intelligence_daily_all"}) {
            assertEquals(0, count("SELECT count(*) FROM admin." + table + " WHERE day = $1", day), table);
        }
        assertEquals(0, count("SELECT count(*) FROM admin.applied_events WHERE call_id LIKE $1", "warm-up-%"));
        assertEquals(0, count("SELECT count(*) FROM admin.ended_calls WHERE call_id LIKE $1", "warm-up-%"));
        assertEquals(0, count("SELECT count(*) FROM admin.analyzed_calls WHERE call_id LIKE $1", "warm-up-%"));
    }

    private long count(String sql, Object arg) {
        return pool.preparedQuery(sql)
                .execute(Tuple.of(arg))
                .await()
                .atMost(Duration.ofSeconds(10))
                .iterator()
                .next()
                .getLong(0);
    }
}
