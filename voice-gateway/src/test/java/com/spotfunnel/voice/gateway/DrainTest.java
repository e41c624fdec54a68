package com.spotfunnel.voice.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import com.spotfunnel.voice.gateway.fakes.GatewayFakesResource;
import com.spotfunnel.voice.gateway.fakes.TwilioSimulator;
import com.spotfunnel.voice.gateway.ops.Drain;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(GatewayFakesResource.class)
class DrainTest {

    @Inject
    Drain drain;

    private final TwilioSimulator twilio = new TwilioSimulator();

    @AfterEach
    void acceptCallsAgain() {
        drain.cancel();
    }

    @Test
    void whileDrainingReadinessIsDownAndNewCallsGet503SoTwilioUsesTheFallbackUrl() {
        drain.begin();
        given().get("/q/health/ready").then().statusCode(503).body(containsString("voice-gateway accepting calls"));
        twilio.post(
                        "/twilio/voice",
                        TwilioSimulator.incomingCall(TwilioSimulator.newCallSid(), "+14155550400", "+15550000001"))
                .then()
                .statusCode(503)
                .header("Retry-After", "1")
                .body(not(containsString("<Stream")));
        drain.cancel();
        twilio.post(
                        "/twilio/voice",
                        TwilioSimulator.incomingCall(TwilioSimulator.newCallSid(), "+14155550401", "+15550000001"))
                .then()
                .statusCode(200)
                .body(containsString("<Stream"));
    }
}
