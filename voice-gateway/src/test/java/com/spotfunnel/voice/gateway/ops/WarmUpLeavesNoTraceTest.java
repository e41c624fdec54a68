package com.spotfunnel.voice.gateway.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spotfunnel.voice.gateway.fakes.CallEventsProbe;
import com.spotfunnel.voice.gateway.fakes.GatewayFakesResource;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The start-up warm-up in the running gateway: readiness names it, and once it is over its synthetic calls left
 * nothing behind: no call event on Kafka, no live or ended call in the metrics, no rejected media frame.
 */
@QuarkusTest
@TestProfile(WarmUpLeavesNoTraceTest.WarmUpOn.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(GatewayFakesResource.class)
class WarmUpLeavesNoTraceTest {

    public static class WarmUpOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.warm-up.calls", "4", "gateway.warm-up.frames-per-call", "300");
        }
    }

    @Inject
    WarmUp warmUp;

    @Test
    void readinessWaitsForTheWarmUpWhoseCallsArePublishedAndCountedNowhere() {
        given().get("/q/health/ready").then().body(containsString("voice-gateway warmed up"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(warmUp::finished);
        given().get("/q/health/ready").then().statusCode(200).body(containsString("callerFramesRelayed"));
        assertTrue(warmUp.relayed() > 0, "the warm-up ran its synthetic calls");

        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("gateway_active_calls 0.0"), "no synthetic call counted as live");
        assertFalse(metrics.contains("gateway_calls_ended_total"), "no synthetic call counted as ended");
        assertFalse(metrics.contains("gateway_media_rejected_total"), "no synthetic frame counted as rejected");
        assertFalse(metrics.contains("gateway_caller_frames_dropped_total"));

        CallEventsProbe probe = CallEventsProbe.get();
        Awaitility.await()
                .pollDelay(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> true);
        assertEquals(0, probe.ofCall("warm-up").size(), "no call event of the warm-up on call-events");
        assertFalse(probe.keyedByCallId("warm-up"));
    }
}
