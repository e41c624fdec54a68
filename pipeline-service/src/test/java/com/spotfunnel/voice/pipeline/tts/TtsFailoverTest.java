package com.spotfunnel.voice.pipeline.tts;

import static com.spotfunnel.voice.pipeline.fakes.Checks.assertAmount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spotfunnel.voice.events.bridge.PipelineMessage;
import com.spotfunnel.voice.events.payload.CostRecorded;
import com.spotfunnel.voice.events.payload.FailureKind;
import com.spotfunnel.voice.events.payload.ProviderFailed;
import com.spotfunnel.voice.events.payload.Stage;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.pipeline.fakes.Checks;
import com.spotfunnel.voice.pipeline.fakes.FakesReset;
import com.spotfunnel.voice.pipeline.fakes.GatewayClient;
import com.spotfunnel.voice.pipeline.fakes.ProviderFakes;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ProviderFakes.class)
class TtsFailoverTest extends FakesReset {

    @TestHTTPResource("/")
    URI root;

    @Test
    void cartesiaFailingHandsTheVoiceToElevenLabs() {
        ProviderFakes.stubCartesia(ProviderFakes.status(500));
        try (GatewayClient gateway = GatewayClient.connect(root, "call-" + UUID.randomUUID(), "tenant-unknown")) {
            String greeting = gateway.awaitUtterances(1);
            assertEquals(ProviderFakes.AUDIO_BYTES_PER_REQUEST * 2, gateway.audioBytes(greeting));
            ProviderFailed failed = gateway.await(PipelineMessage.ProviderFailure.class, f -> true)
                    .failure();
            assertEquals(Stage.TTS, failed.stage());
            assertEquals("cartesia", failed.provider());
            assertEquals("elevenlabs", failed.fallbackProvider());
            assertEquals(
                    List.of("Hello, thanks for calling.", "How can I help you today?"), Checks.spokenByElevenLabs());
            Awaitility.await()
                    .atMost(GatewayClient.WAIT)
                    .until(() -> Checks.costs(gateway, 0, Stage.TTS).size() == 2);
            List<CostRecorded> tts = Checks.costs(gateway, 0, Stage.TTS);
            assertTrue(tts.stream().allMatch(c -> c.provider().equals("elevenlabs")));
            // "Hello, thanks for calling." (26) + "How can I help you today?" (25) × 0.00005
            assertAmount("0.00255", tts.stream().map(CostRecorded::costUsd).reduce(BigDecimal.ZERO, BigDecimal::add));
            assertTrue(gateway.all(PipelineMessage.Failed.class).isEmpty());
        }
    }

    @Test
    void bothTtsFailingFailsTheCallWithTts() {
        ProviderFakes.stubCartesia(ProviderFakes.status(500));
        ProviderFakes.stubElevenLabs(ProviderFakes.status(503));
        try (GatewayClient gateway = GatewayClient.connect(root, "call-" + UUID.randomUUID(), "tenant-unknown")) {
            assertEquals(FailureKind.TTS, gateway.awaitFailed().kind());
            List<ProviderFailed> failures = gateway.all(PipelineMessage.ProviderFailure.class).stream()
                    .map(PipelineMessage.ProviderFailure::failure)
                    .toList();
            assertEquals("cartesia", failures.get(0).provider());
            assertEquals("elevenlabs", failures.get(1).provider());
            assertNull(failures.get(1).fallbackProvider());
            assertTrue(gateway.all(PipelineMessage.AgentAudio.class).isEmpty());
        }
    }
}
