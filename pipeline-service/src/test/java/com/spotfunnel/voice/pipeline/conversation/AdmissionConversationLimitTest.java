package com.spotfunnel.voice.pipeline.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.spotfunnel.voice.events.bridge.GatewayMessage;
import com.spotfunnel.voice.events.payload.Speaker;
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
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 item 3: a pipeline whose live-conversation limit is 1 answers the next call socket's upgrade 503 (what
 * the gateway turns into "all lines are busy"), counts the refusal, leaves the live conversation alone, and takes
 * the next call once that one has ended.
 */
@QuarkusTest
@TestProfile(AdmissionConversationLimitTest.OneLine.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ProviderFakes.class)
class AdmissionConversationLimitTest extends FakesReset {

    public static class OneLine implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("pipeline.admission.max-live-conversations", "1");
        }
    }

    private static final String TENANT = "t-one-line";

    @TestHTTPResource("/")
    URI root;

    @Inject
    TenantRegistry tenants;

    @BeforeEach
    void simulatedTenant() {
        tenants.apply(SimulatedTenant.config(TENANT, "One Line Dental", "+15550008888"));
    }

    @Test
    void pastTheLimitTheSocketIsRefused503WhileTheLiveConversationGoesOn() {
        double refusedBefore = refused();
        try (GatewayClient live = GatewayClient.connect(root, "call-" + UUID.randomUUID(), TENANT)) {
            live.awaitUtterances(1);

            String second = "call-" + UUID.randomUUID();
            assertEquals(
                    503,
                    GatewayClient.upgradeStatus(root, second, GatewayClient.token(GatewayClient.start(second, TENANT))),
                    "a valid token past the limit");
            assertEquals(refusedBefore + 1, refused());
            assertEquals(1.0, PrometheusMetrics.value("pipeline_live_conversation_limit"));

            // the live conversation is untouched: the caller speaks and the agent answers
            assertFalse(live.isClosed());
            live.sendAudio(8000);
            live.sendSilence(700 * 8);
            live.awaitTurn(Speaker.AGENT, 2);
            live.send(new GatewayMessage.CallerHangup("caller hung up"));
            Awaitility.await().atMost(GatewayClient.WAIT).until(live::isClosed);
        }

        // the line is free again: the next call's conversation begins
        Awaitility.await().atMost(GatewayClient.WAIT).until(this::idle);
        try (GatewayClient next = GatewayClient.connect(root, "call-" + UUID.randomUUID(), TENANT)) {
            next.awaitUtterances(1);
            next.send(new GatewayMessage.CallerHangup("caller hung up"));
        }
        assertEquals(refusedBefore + 1, refused());
    }

    @Test
    void anUnauthenticatedUpgradeNeverTakesALine() {
        for (int i = 0; i < 3; i++) {
            assertEquals(401, GatewayClient.upgradeStatus(root, "call-" + UUID.randomUUID(), "not-a-jwt"));
        }
        try (GatewayClient call = GatewayClient.connect(root, "call-" + UUID.randomUUID(), TENANT)) {
            call.awaitUtterances(1); // the greeting: the one line was still free
            call.send(new GatewayMessage.CallerHangup("caller hung up"));
        }
    }

    private static double refused() {
        return PrometheusMetrics.value("pipeline_call_sockets_refused_total{reason=\"capacity\"}");
    }
}
