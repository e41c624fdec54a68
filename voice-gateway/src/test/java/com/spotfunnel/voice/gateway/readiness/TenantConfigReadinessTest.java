package com.spotfunnel.voice.gateway.readiness;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import com.spotfunnel.voice.gateway.fakes.GatewayFakesResource;
import com.spotfunnel.voice.gateway.fakes.TwilioSimulator;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.ChannelRegistry;
import jakarta.inject.Inject;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: a gateway that has not yet read {@code tenant-config} is not ready and never tells a caller of a tenant
 * published before it started "not in service". On the old code readiness was UP at once (only the drain check) and
 * the call heard "this number is not in service".
 */
@QuarkusTest
@TestProfile(TenantConfigPausedProfile.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(GatewayFakesResource.class)
class TenantConfigReadinessTest {

    @Inject
    ChannelRegistry channels;

    private final TwilioSimulator twilio = new TwilioSimulator();

    @Test
    void notReadyAndNoNotInServiceUntilTenantConfigIsReadThenTheTenantsCallsAreAnswered() {
        given().get("/q/health/ready").then().statusCode(503).body(containsString("voice-gateway tenant-config read"));
        twilio.post(
                        "/twilio/voice",
                        TwilioSimulator.incomingCall(
                                TwilioSimulator.newCallSid(), "+14155550600", TenantConfigPausedProfile.NUMBER))
                .then()
                .statusCode(503)
                .header("Retry-After", "1")
                .body(not(containsString("not in service")));
        // a tenant from the seed file is known already: its calls are answered meanwhile
        twilio.post(
                        "/twilio/voice",
                        TwilioSimulator.incomingCall(TwilioSimulator.newCallSid(), "+14155550601", "+15550000001"))
                .then()
                .statusCode(200)
                .body(containsString("<Stream"));

        channels.getPausable("tenant-config").resume();

        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
        twilio.post(
                        "/twilio/voice",
                        TwilioSimulator.incomingCall(
                                TwilioSimulator.newCallSid(), "+14155550602", TenantConfigPausedProfile.NUMBER))
                .then()
                .statusCode(200)
                .body(containsString(
                        "<Parameter name=\"tenantId\" value=\"" + TenantConfigPausedProfile.TENANT + "\"/>"));
    }
}
