package com.spotfunnel.voice.pipeline.warmup;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spotfunnel.voice.events.Topics;
import com.spotfunnel.voice.infra.kafka.SharedKafkaBroker;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The start-up warm-up in the running pipeline: readiness names it and waits for it; its synthetic calls were heard
 * and answered by the simulated providers, yet left nothing behind: no call event on Kafka, no live call, no turn.
 */
@QuarkusTest
@TestProfile(WarmUpLeavesNoTraceTest.WarmUpOn.class)
@WithTestResource(KafkaTestResource.class)
class WarmUpLeavesNoTraceTest {

    public static class WarmUpOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("pipeline.warm-up.calls", "3", "pipeline.warm-up.frames-per-call", "300");
        }
    }

    @Inject
    WarmUp warmUp;

    @Test
    void readinessWaitsForTheWarmUpWhoseCallsArePublishedAndCountedNowhere() {
        given().get("/q/health/ready").then().body(containsString("pipeline-service warmed up"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(warmUp::finished);
        given().get("/q/health/ready").then().statusCode(200).body(containsString("callerFramesHeard"));
        assertEquals(900, warmUp.heard(), "every synthetic frame reached the simulated recognizer");
        assertEquals(9, warmUp.answers(), "each synthetic utterance was answered with the simulated voice");

        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(zeroOrAbsent(metrics, "pipeline_active_calls"), "no synthetic call counted as live");
        assertTrue(zeroOrAbsent(metrics, "pipeline_turn_latency_seconds_count"), "no synthetic turn counted");
        assertTrue(zeroOrAbsent(metrics, "pipeline_call_sockets_refused_total"));
        assertEquals(List.of(), warmUpKeysOnCallEvents());
    }

    private static boolean zeroOrAbsent(String metrics, String name) {
        return metrics.lines()
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .allMatch(line -> line.endsWith(" 0.0"));
    }

    private static List<String> warmUpKeysOnCallEvents() {
        List<String> keys = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        "bootstrap.servers",
                        SharedKafkaBroker.bootstrapServers(),
                        "group.id",
                        "warm-up-probe-" + UUID.randomUUID(),
                        "auto.offset.reset",
                        "earliest"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.CALL_EVENTS));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (record.key() != null && record.key().startsWith("warm-up")) {
                        keys.add(record.key());
                    }
                });
            }
        }
        return keys;
    }
}
