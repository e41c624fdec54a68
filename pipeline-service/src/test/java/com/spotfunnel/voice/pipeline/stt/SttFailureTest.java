package com.spotfunnel.voice.pipeline.stt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.spotfunnel.voice.events.bridge.PipelineMessage;
import com.spotfunnel.voice.events.payload.FailureKind;
import com.spotfunnel.voice.events.payload.ProviderFailed;
import com.spotfunnel.voice.events.payload.Stage;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.pipeline.fakes.FakesReset;
import com.spotfunnel.voice.pipeline.fakes.GatewayClient;
import com.spotfunnel.voice.pipeline.fakes.ProviderFakes;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ProviderFakes.class)
class SttFailureTest extends FakesReset {

    @TestHTTPResource("/")
    URI root;

    @Test
    void deepgramRefusingTheStreamFailsTheCallWithStt() {
        ProviderFakes.deepgram().rejectConnections(true);
        try (GatewayClient gateway = GatewayClient.connect(root, "call-" + UUID.randomUUID(), "tenant-unknown")) {
            assertEquals(FailureKind.STT, gateway.awaitFailed().kind());
            ProviderFailed failed = gateway.await(PipelineMessage.ProviderFailure.class, f -> true)
                    .failure();
            assertEquals(Stage.STT, failed.stage());
            assertEquals("deepgram", failed.provider());
            assertEquals("http_5xx", failed.errorType());
            assertNull(failed.fallbackProvider());
            assertEquals(2, ProviderFakes.deepgram().rejected()); // the call and one retry
            java.util.List<com.spotfunnel.voice.events.bridge.PipelineMessage> all = gateway.received();
            int failedAt = all.indexOf(gateway.awaitFailed());
            assertEquals(
                    java.util.List.of(),
                    all.subList(failedAt + 1, all.size()).stream()
                            .filter(m -> m instanceof PipelineMessage.AgentAudio)
                            .toList(),
                    "agent audio after Failed");
        }
    }

    @Test
    void deepgramDroppingTheStreamMidCallFailsTheCallWithStt() {
        try (GatewayClient gateway = GatewayClient.connect(root, "call-" + UUID.randomUUID(), "tenant-unknown")) {
            gateway.awaitUtterances(1);
            org.awaitility.Awaitility.await()
                    .atMost(GatewayClient.WAIT)
                    .until(() -> ProviderFakes.deepgram().connections() == 1);
            ProviderFakes.deepgram().dropAll();
            assertEquals(FailureKind.STT, gateway.awaitFailed().kind());
            assertEquals(
                    "stream_cut",
                    gateway.await(PipelineMessage.ProviderFailure.class, f -> true)
                            .failure()
                            .errorType());
        }
    }
}
