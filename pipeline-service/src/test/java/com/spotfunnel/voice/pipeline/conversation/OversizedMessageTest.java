package com.spotfunnel.voice.pipeline.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.spotfunnel.voice.events.payload.Speaker;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.pipeline.fakes.FakesReset;
import com.spotfunnel.voice.pipeline.fakes.GatewayClient;
import com.spotfunnel.voice.pipeline.fakes.ProviderFakes;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * CVE-2026-87742 (WebSockets Next buffers a message without bound): the call socket caps a message at
 * quarkus.websockets-next.server.max-message-size, so a peer streaming one endless message is cut off instead
 * of growing the heap, and the other calls go on.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ProviderFakes.class)
class OversizedMessageTest extends FakesReset {

    /** One byte more than application.properties allows. */
    private static final int OVERSIZED = 1024 * 1024 + 1;

    @TestHTTPResource("/")
    URI root;

    @Test
    void aMessageAboveTheLimitClosesThatSocketOnly() {
        try (GatewayClient attacker = GatewayClient.connect(root, "call-" + UUID.randomUUID(), "tenant-unknown");
                GatewayClient caller = GatewayClient.connect(root, "call-" + UUID.randomUUID(), "tenant-unknown")) {
            attacker.sendText("x".repeat(OVERSIZED)); // sent in 64 KiB frames: the limit is on the whole message
            Awaitility.await().atMost(GatewayClient.WAIT).until(attacker::isClosed);

            caller.awaitUtterances(1);
            assertEquals(
                    "Hello, thanks for calling. How can I help you today?",
                    caller.awaitTurn(Speaker.AGENT, 0).text());
        }
    }
}
