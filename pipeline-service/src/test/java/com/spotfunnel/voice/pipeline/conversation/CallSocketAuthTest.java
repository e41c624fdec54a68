package com.spotfunnel.voice.pipeline.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spotfunnel.voice.events.DecodedCallEvent;
import com.spotfunnel.voice.events.Topics;
import com.spotfunnel.voice.events.bridge.CallToken;
import com.spotfunnel.voice.events.bridge.GatewayMessage;
import com.spotfunnel.voice.events.payload.CallAnalyzed;
import com.spotfunnel.voice.events.payload.Speaker;
import com.spotfunnel.voice.events.serde.CallEventDeserializer;
import com.spotfunnel.voice.events.tenant.TenantRegistry;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.infra.testing.PrometheusMetrics;
import com.spotfunnel.voice.pipeline.fakes.FakesReset;
import com.spotfunnel.voice.pipeline.fakes.GatewayClient;
import com.spotfunnel.voice.pipeline.fakes.ProviderFakes;
import com.spotfunnel.voice.pipeline.fakes.SimulatedTenant;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 item 2: only the gateway opens a call socket (a valid token for that call, checked at the upgrade), the
 * start frame is the call the token names, and a second start for a callId this pod has seen never touches it.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ProviderFakes.class)
class CallSocketAuthTest extends FakesReset {

    private static final String TENANT = "t-socket-auth";

    @TestHTTPResource("/")
    URI root;

    @Inject
    TenantRegistry tenants;

    @BeforeEach
    void simulatedTenant() {
        tenants.apply(SimulatedTenant.config(TENANT, "Socket Auth Dental", "+15550007777"));
    }

    @Test
    void anUpgradeWithoutAValidTokenForThatCallIsAnswered401() {
        String callId = "call-" + UUID.randomUUID();
        GatewayMessage.CallStart start = GatewayClient.start(callId, TENANT);
        assertEquals(401, upgradeStatus(callId, null), "no token");
        assertEquals(401, upgradeStatus(callId, "not-a-jwt"), "garbage");
        assertEquals(
                401,
                upgradeStatus(
                        callId,
                        new CallToken("a-secret-that-is-not-the-shared-one-000")
                                .mint(start, Instant.now(), Duration.ofSeconds(30))),
                "forged with another secret");
        assertEquals(
                401,
                upgradeStatus(
                        callId,
                        tokens().mint(start, Instant.now().minus(Duration.ofMinutes(10)), Duration.ofSeconds(30))),
                "expired");
        assertEquals(
                401,
                upgradeStatus(callId, GatewayClient.token(GatewayClient.start("call-other", TENANT))),
                "a token for another call");
        assertTrue(PrometheusMetrics.value("pipeline_call_sockets_refused_total{reason=\"missing\"}") >= 1);
        assertTrue(PrometheusMetrics.value("pipeline_call_sockets_refused_total{reason=\"expired\"}") >= 1);
    }

    @Test
    void aStartThatDiffersFromItsTokenStartsNothing() {
        String callId = "call-" + UUID.randomUUID();
        GatewayMessage.CallStart signed = GatewayClient.start(callId, TENANT);
        try (GatewayClient crafted = GatewayClient.open(root, callId, GatewayClient.token(signed))) {
            crafted.send(new GatewayMessage.CallStart(
                    callId,
                    "t-someone-else",
                    signed.callSid(),
                    signed.streamSid(),
                    signed.callerPhone(),
                    signed.dialedNumber()));
            Awaitility.await().atMost(GatewayClient.WAIT).until(crafted::isClosed);
            assertEquals(0, crafted.receivedWhenClosed(), "no greeting: no conversation began");
        }
        assertTrue(PrometheusMetrics.value("pipeline_call_sockets_refused_total{reason=\"start_mismatch\"}") >= 1);
    }

    @Test
    void aSecondStartForALiveCallIsRefusedAndTheCallGoesOn() {
        String callId = "call-" + UUID.randomUUID();
        try (GatewayClient call = GatewayClient.connect(root, callId, TENANT)) {
            call.awaitUtterances(1);
            try (GatewayClient second = GatewayClient.connect(root, callId, TENANT)) {
                Awaitility.await().atMost(GatewayClient.WAIT).until(second::isClosed);
                assertEquals(0, second.receivedWhenClosed());
            }
            assertFalse(call.isClosed(), "the live call is untouched");
            call.sendAudio(8000);
            call.sendSilence(700 * 8);
            call.awaitTurn(Speaker.AGENT, 2);
            call.send(new GatewayMessage.CallerHangup("caller hung up"));
        }
    }

    @Test
    void aSecondStartAfterTheCallEndedNeverChangesItsAnalysis() {
        String callId = "call-" + UUID.randomUUID();
        talkAndHangUp(callId);
        awaitEvents(callId, events -> !events.isEmpty());

        // start + hangup again with the same callId and a token as good as the gateway's
        try (GatewayClient replay = GatewayClient.connect(root, callId, TENANT)) {
            replay.send(new GatewayMessage.CallerHangup("caller hung up"));
            Awaitility.await().atMost(GatewayClient.WAIT).until(replay::isClosed);
            assertEquals(0, replay.receivedWhenClosed(), "no greeting: no second conversation");
        }
        assertTrue(PrometheusMetrics.value("pipeline_call_sockets_refused_total{reason=\"duplicate_call\"}") >= 1);

        // a later call's analysis arrives, and still the first call has exactly one
        String later = "call-" + UUID.randomUUID();
        talkAndHangUp(later);
        awaitEvents(later, events -> !events.isEmpty());
        assertEquals(1, awaitEvents(callId, events -> true).size(), "one CallAnalyzed for the call, not two");
    }

    private void talkAndHangUp(String callId) {
        try (GatewayClient gateway = GatewayClient.connect(root, callId, TENANT)) {
            gateway.awaitUtterances(1);
            gateway.sendAudio(8000);
            gateway.sendSilence(700 * 8);
            gateway.awaitTurn(Speaker.AGENT, 2);
            gateway.send(new GatewayMessage.CallerHangup("caller hung up"));
        }
    }

    private int upgradeStatus(String callId, String token) {
        return GatewayClient.upgradeStatus(root, callId, token);
    }

    private static CallToken tokens() {
        return new CallToken(ConfigProvider.getConfig().getValue("pipeline.calls.token-secret", String.class));
    }

    /** The call's CallAnalyzed events on the topic, read from the start until {@code enough} holds (at most 30 s). */
    private static List<CallAnalyzed> awaitEvents(String callId, Predicate<List<CallAnalyzed>> enough) {
        Properties props = new Properties();
        props.put(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<CallAnalyzed> analyses = new ArrayList<>();
        try (KafkaConsumer<String, DecodedCallEvent> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new CallEventDeserializer())) {
            consumer.subscribe(List.of(Topics.CALL_EVENTS));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            boolean caughtUp = false;
            while (System.nanoTime() < deadline && !(caughtUp && enough.test(analyses))) {
                var records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, DecodedCallEvent> record : records) {
                    if (callId.equals(record.key())
                            && record.value() instanceof DecodedCallEvent.Known known
                            && known.event().payload() instanceof CallAnalyzed analyzed) {
                        analyses.add(analyzed);
                    }
                }
                caughtUp = records.isEmpty() && !consumer.assignment().isEmpty();
            }
        }
        return analyses;
    }
}
