package com.spotfunnel.voice.gateway.ratelimit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spotfunnel.voice.gateway.fakes.FakePipeline;
import com.spotfunnel.voice.gateway.fakes.GatewayFakesResource;
import com.spotfunnel.voice.gateway.fakes.MediaStreamClient;
import com.spotfunnel.voice.gateway.fakes.TwilioSimulator;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Redis unreachable: the limiter fails open, so calls are still answered and streamed; the failures are counted. */
@QuarkusTest
@TestProfile(StoreDownProfile.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(GatewayFakesResource.class)
class StoreDownTest {

    private final TwilioSimulator twilio = new TwilioSimulator();

    @Test
    void callsAreAnsweredBeyondEveryBudgetWhileRedisIsDown() throws Exception {
        for (int i = 0; i < 3; i++) {
            MediaStreamClient caller = twilio.placeCall(TwilioSimulator.newCallSid(), "+14155550188", "+15550000001");
            FakePipeline.get().awaitCall(caller.callId());
            caller.stop();
        }
        for (int i = 0; i < 3; i++) {
            given().get("/not-a-webhook").then().statusCode(404).header("X-RateLimit-Limit", nullValue());
        }
        assertTrue(storeErrors() >= 1, "store failures are counted");
    }

    private static double storeErrors() {
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("^rate_limit_store_errors_total(\\{[^}]*})? ([0-9.eE+-]+)$", Pattern.MULTILINE)
                .matcher(metrics);
        assertTrue(m.find(), "rate_limit_store_errors_total is exposed");
        assertEquals(-1, m.group(2).indexOf('-'));
        return Double.parseDouble(m.group(2));
    }
}
