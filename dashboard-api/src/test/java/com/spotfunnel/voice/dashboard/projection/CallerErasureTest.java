package com.spotfunnel.voice.dashboard.projection;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.spotfunnel.voice.dashboard.support.Calls;
import com.spotfunnel.voice.dashboard.support.DashboardApiProfile;
import com.spotfunnel.voice.dashboard.support.EventProducer;
import com.spotfunnel.voice.dashboard.support.Tables;
import com.spotfunnel.voice.dashboard.support.Tokens;
import com.spotfunnel.voice.events.CallEvent;
import com.spotfunnel.voice.events.payload.CallerErased;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.infra.testing.PostgresTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * An operator's "forget this number" (CallerErased on call-events): the caller's number is masked in the tenant's
 * calls, in the calls projected later too, and nowhere else.
 */
@QuarkusTest
@TestProfile(DashboardApiProfile.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class CallerErasureTest {

    private static final String ERASED_SQL =
            "SELECT count(*) FROM dashboard.call_logs WHERE caller_phone = 'erased' AND tenant_id = ?";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    AgroalDataSource db;

    @Test
    void anErasedCallersNumberIsMaskedInEveryCallOfTheTenantAndInCallsThatArriveLater() {
        String tenant = "t-" + UUID.randomUUID();
        String other = "t-" + UUID.randomUUID();
        String caller = "+1555" + (1_000_000 + (int) (Math.random() * 8_999_999));
        Calls first = Calls.of(tenant).callerPhone(caller);
        Calls second = Calls.of(tenant).callerPhone(caller);
        Calls someoneElse = Calls.of(tenant).callerPhone("+15550000001");
        Calls elsewhere = Calls.of(other).callerPhone(caller);
        for (Calls call : List.of(first, second, someoneElse, elsewhere)) {
            EventProducer.send(bootstrap, call.events());
        }
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> Tables.count(
                                db,
                                "SELECT count(*) FROM dashboard.call_logs WHERE tenant_id = ? AND started_seq IS NOT NULL",
                                tenant)
                        == 3);

        EventProducer.send(
                bootstrap,
                List.of(CallEvent.of(
                        tenant,
                        "erasure-" + UUID.randomUUID(),
                        0,
                        Instant.now(),
                        new CallerErased(CallerErased.hash(caller), "ops@example.com"))));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Tables.count(db, ERASED_SQL, tenant) == 2);

        for (Calls call : List.of(first, second)) {
            given().auth()
                    .oauth2(Tokens.customer(tenant))
                    .get("/api/v1/calls/" + call.callId())
                    .then()
                    .statusCode(200)
                    .body("callerPhone", equalTo("erased"));
        }
        given().auth()
                .oauth2(Tokens.customer(tenant))
                .get("/api/v1/calls/" + someoneElse.callId())
                .then()
                .statusCode(200)
                .body("callerPhone", equalTo("+15550000001"));
        assertEquals(0, Tables.count(db, ERASED_SQL, other), "the same number with another tenant is not erased");
        assertEquals(
                0,
                Tables.count(
                        db,
                        "SELECT count(*) FROM dashboard.call_logs WHERE call_id LIKE 'erasure-%' AND tenant_id = ?",
                        tenant),
                "the erasure is not a call");

        // A call of the erased caller projected afterwards (still going on at the time, or a replay) is masked too.
        Calls late = Calls.of(tenant).callerPhone(caller);
        EventProducer.send(bootstrap, late.events());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Tables.count(db, ERASED_SQL, tenant) == 3);
    }
}
