package com.spotfunnel.voice.gateway.ratelimit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spotfunnel.voice.gateway.fakes.GatewayFakesResource;
import com.spotfunnel.voice.gateway.fakes.TwilioSimulator;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A flood of requests from one address uses up that address' budget, but Twilio's webhooks have a budget of their
 * own, so live calls keep being answered; and without a trusted proxy, X-Forwarded-For changes nothing.
 */
@QuarkusTest
@TestProfile(RateLimitedGatewayProfile.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(GatewayFakesResource.class)
class GatewayRateLimitTest {

    private final TwilioSimulator twilio = new TwilioSimulator();

    @Test
    void aForgedForwardedForFromAnUntrustedPeerDoesNotBuyANewBudget() {
        // Each request claims another client; all are counted on the real peer's budget.
        assertTrue(
                floodUntilRefused() <= RateLimitedGatewayProfile.CLIENT_REQUESTS,
                "refused within the client budget although every request forged another address");
    }

    @Test
    void twilioWebhooksAreServedWhileTheSameAddressIsRefusedElsewhere() {
        floodUntilRefused();
        int allowed = RateLimitedGatewayProfile.CALLS_REQUESTS;
        for (int i = 1; i <= allowed; i++) {
            twilio.post("/twilio/status", status())
                    .then()
                    .statusCode(200)
                    .header("X-RateLimit-Limit", String.valueOf(allowed))
                    .header("X-RateLimit-Remaining", String.valueOf(allowed - i));
        }
        twilio.post("/twilio/status", status())
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("limit", equalTo("calls"));
    }

    /** Sends non-webhook requests, each with a new X-Forwarded-For, until one is refused; returns how many passed. */
    private static int floodUntilRefused() {
        for (int i = 0; i <= RateLimitedGatewayProfile.CLIENT_REQUESTS; i++) {
            int status = given().header("X-Forwarded-For", "198.51.100." + (i + 1))
                    .get("/not-a-webhook")
                    .then()
                    .extract()
                    .statusCode();
            if (status == 429) {
                given().get("/not-a-webhook").then().statusCode(429).body("limit", equalTo("client"));
                return i;
            }
        }
        throw new AssertionError("never refused");
    }

    private static Map<String, String> status() {
        Map<String, String> params =
                TwilioSimulator.incomingCall(TwilioSimulator.newCallSid(), "+14155550199", "+15550000001");
        params.put("CallStatus", "in-progress");
        return params;
    }
}
