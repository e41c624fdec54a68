package com.spotfunnel.voice.pipeline.warmup;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.spotfunnel.voice.events.Topics;
import com.spotfunnel.voice.infra.kafka.SharedKafkaBroker;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.pipeline.fakes.AdminApiFake;
import com.spotfunnel.voice.pipeline.fakes.ProviderFakes;
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
 * The start-up warm-ups in the running pipeline: readiness names them and waits for them; the synthetic calls were
 * heard and answered by the simulated providers, the knowledge searches reached admin-api (its fake) with the
 * pipeline's token for the tenant that cannot exist, yet they left nothing behind: no call event on Kafka, no live
 * call, no turn, no knowledge meter.
 */
@QuarkusTest
@TestProfile(WarmUpLeavesNoTraceTest.WarmUpOn.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ProviderFakes.class)
class WarmUpLeavesNoTraceTest {

    static final int SEARCHES = 40;
    /** pipeline.knowledge.warm-up.tenant-id's default. */
    static final String NO_SUCH_TENANT = "_warm-up-no-such-tenant";

    public static class WarmUpOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "pipeline.warm-up.calls",
                    "3",
                    "pipeline.warm-up.frames-per-call",
                    "300",
                    "pipeline.knowledge.warm-up.searches",
                    String.valueOf(SEARCHES),
                    "pipeline.knowledge.warm-up.concurrency",
                    "4");
        }
    }

    @Inject
    WarmUp warmUp;

    @Inject
    KnowledgeWarmUp knowledge;

    @Test
    void readinessWaitsForTheWarmUpWhoseCallsArePublishedAndCountedNowhere() {
        given().get("/q/health/ready").then().body(containsString("pipeline-service warmed up"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> warmUp.finished() && knowledge.finished());
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body(containsString("callerFramesHeard"), containsString("knowledgeSearchesAnswered"));
        assertEquals(900, warmUp.heard(), "every synthetic frame reached the simulated recognizer");
        assertEquals(9, warmUp.answers(), "each synthetic utterance was answered with the simulated voice");

        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(zeroOrAbsent(metrics, "pipeline_active_calls"), "no synthetic call counted as live");
        assertTrue(zeroOrAbsent(metrics, "pipeline_turn_latency_seconds_count"), "no synthetic turn counted");
        assertTrue(zeroOrAbsent(metrics, "pipeline_call_sockets_refused_total"));
        assertEquals(SEARCHES, knowledge.answered(), "every warm-up search answered");
        List<LoggedRequest> searches = AdminApiFake.searches(NO_SUCH_TENANT);
        assertEquals(SEARCHES, searches.size(), "each one reached admin-api, for the tenant that cannot exist");
        assertTrue(
                searches.stream()
                        .allMatch(search -> ("Bearer " + AdminApiFake.TOKEN).equals(search.getHeader("Authorization"))),
                "with the pipeline's own token");
        assertEquals(1, AdminApiFake.tokenRequests(), "one token, kept for the calls");
        assertTrue(
                zeroOrAbsent(metrics, "pipeline_knowledge_unavailable_total"),
                "no knowledge meter counted a warm-up search");
        assertTrue(zeroOrAbsent(metrics, "pipeline_knowledge_lookahead_late_total"));
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
                    if ((record.key() != null && record.key().startsWith("warm-up"))
                            || (record.value() != null && record.value().contains(NO_SUCH_TENANT))) {
                        keys.add(record.key());
                    }
                });
            }
        }
        return keys;
    }
}
