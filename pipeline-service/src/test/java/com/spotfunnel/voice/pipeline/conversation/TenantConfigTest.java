package com.spotfunnel.voice.pipeline.conversation;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.spotfunnel.voice.events.payload.Speaker;
import com.spotfunnel.voice.events.tenant.AgentConfig;
import com.spotfunnel.voice.events.tenant.ProviderOrder;
import com.spotfunnel.voice.events.tenant.TenantConfig;
import com.spotfunnel.voice.events.tenant.TenantRegistry;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.pipeline.fakes.Checks;
import com.spotfunnel.voice.pipeline.fakes.DeepgramFake;
import com.spotfunnel.voice.pipeline.fakes.FakesReset;
import com.spotfunnel.voice.pipeline.fakes.GatewayClient;
import com.spotfunnel.voice.pipeline.fakes.ProviderFakes;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The tenant's own prompt, greeting, voice and provider order drive its calls. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ProviderFakes.class)
class TenantConfigTest extends FakesReset {

    @TestHTTPResource("/")
    URI root;

    @Inject
    TenantRegistry tenants;

    @Test
    void theTenantsPromptGreetingVoiceAndProviderOrderAreUsed() {
        tenants.apply(new TenantConfig(
                "t-acme",
                3,
                "Acme Plumbing",
                "plumbing",
                true,
                List.of("+15550007777"),
                new AgentConfig(
                        "You are Acme Plumbing's receptionist.",
                        "Acme Plumbing, hello!",
                        "acme-voice",
                        new ProviderOrder(List.of(), List.of("gemini", "openai"), List.of("elevenlabs", "cartesia")),
                        null,
                        Map.of(),
                        null),
                Instant.now()));
        try (GatewayClient gateway = GatewayClient.connect(root, "call-" + UUID.randomUUID(), "t-acme")) {
            assertEquals(
                    "Acme Plumbing, hello!", gateway.awaitTurn(Speaker.AGENT, 0).text());
            gateway.sendAudio(DeepgramFake.UTTERANCE_BYTES);
            assertEquals(
                    "Gemini here. We open at nine.",
                    gateway.awaitTurn(Speaker.AGENT, 2).text());
        }
        LoggedRequest gemini = ProviderFakes.wireMock()
                .findAll(postRequestedFor(urlPathEqualTo("/v1beta/models/gemini-3.5-flash-lite:streamGenerateContent")))
                .get(0);
        String system = new JsonObject(gemini.getBodyAsString())
                .getJsonObject("systemInstruction")
                .getJsonArray("parts")
                .getJsonObject(0)
                .getString("text");
        assertTrue(system.startsWith("You are Acme Plumbing's receptionist."), system);
        List<LoggedRequest> eleven =
                ProviderFakes.wireMock().findAll(postRequestedFor(urlPathMatching("/v1/text-to-speech/.*/stream")));
        assertEquals(List.of("Acme Plumbing, hello!", "Gemini here.", "We open at nine."), Checks.spokenByElevenLabs());
        assertTrue(eleven.stream().allMatch(r -> r.getUrl().startsWith("/v1/text-to-speech/acme-voice/stream")));
        assertTrue(Checks.spokenByCartesia().isEmpty());
        assertEquals(0, Checks.requests("/v1/chat/completions"));
    }
}
