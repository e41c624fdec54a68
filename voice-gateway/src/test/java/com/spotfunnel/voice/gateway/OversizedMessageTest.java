package com.spotfunnel.voice.gateway;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spotfunnel.voice.events.bridge.GatewayMessage;
import com.spotfunnel.voice.gateway.fakes.FakePipeline;
import com.spotfunnel.voice.gateway.fakes.GatewayFakesResource;
import com.spotfunnel.voice.gateway.fakes.MediaStreamClient;
import com.spotfunnel.voice.gateway.fakes.TwilioSimulator;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * CVE-2026-87742 (WebSockets Next buffers a message without bound): the media endpoint caps a message at
 * quarkus.websockets-next.server.max-message-size, so a peer streaming one endless fragmented message is cut
 * off instead of growing the heap, and calls keep being served.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(GatewayFakesResource.class)
class OversizedMessageTest {

    /** One byte more than application.properties allows. */
    private static final int OVERSIZED = 1024 * 1024 + 1;

    private final TwilioSimulator twilio = new TwilioSimulator();

    @Test
    void aMessageAboveTheLimitClosesThatConnectionOnly() throws Exception {
        MediaStreamClient call = twilio.placeCall(TwilioSimulator.newCallSid(), "+14155550310", "+15550000001");
        FakePipeline.Call pipeline = FakePipeline.get().awaitCall(call.callId());
        pipeline.await(GatewayMessage.CallStart.class);

        MediaStreamClient attacker = MediaStreamClient.open(RestAssured.port);
        attacker.sendFragmented("x".repeat(OVERSIZED), 16 * 1024); // every frame is small; the message is not
        assertTrue(attacker.awaitClosedByGateway(Duration.ofSeconds(10)));

        byte[] frame = new byte[160];
        java.util.Arrays.fill(frame, (byte) 0x55);
        call.media(frame);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> pipeline.audioFrames() == 1);
        MediaStreamClient next = twilio.placeCall(TwilioSimulator.newCallSid(), "+14155550311", "+15550000001");
        FakePipeline.get().awaitCall(next.callId()).await(GatewayMessage.CallStart.class);
        call.stop();
        next.stop();
    }
}
