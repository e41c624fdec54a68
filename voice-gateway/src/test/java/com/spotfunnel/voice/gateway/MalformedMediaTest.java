package com.spotfunnel.voice.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spotfunnel.voice.events.CallEvent;
import com.spotfunnel.voice.events.EventType;
import com.spotfunnel.voice.events.bridge.GatewayMessage;
import com.spotfunnel.voice.events.bridge.PipelineMessage;
import com.spotfunnel.voice.events.payload.CallEnded;
import com.spotfunnel.voice.events.payload.CallStatus;
import com.spotfunnel.voice.gateway.fakes.CallEventsProbe;
import com.spotfunnel.voice.gateway.fakes.FakePipeline;
import com.spotfunnel.voice.gateway.fakes.FakeTwilioApi;
import com.spotfunnel.voice.gateway.fakes.GatewayFakesResource;
import com.spotfunnel.voice.gateway.fakes.MediaStreamClient;
import com.spotfunnel.voice.gateway.fakes.TwilioSimulator;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.infra.testing.PrometheusMetrics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(GatewayFakesResource.class)
class MalformedMediaTest {

    private final TwilioSimulator twilio = new TwilioSimulator();

    @Test
    void oneCallsGarbageNeverDisturbsAnother() throws Exception {
        MediaStreamClient bad = twilio.placeCall(TwilioSimulator.newCallSid(), "+14155550300", "+15550000001");
        MediaStreamClient good = twilio.placeCall(TwilioSimulator.newCallSid(), "+14155550301", "+15550000001");
        FakePipeline.Call badPipeline = FakePipeline.get().awaitCall(bad.callId());
        FakePipeline.Call goodPipeline = FakePipeline.get().awaitCall(good.callId());
        badPipeline.await(GatewayMessage.CallStart.class);
        goodPipeline.await(GatewayMessage.CallStart.class);

        byte[] frame = new byte[160];
        java.util.Arrays.fill(frame, (byte) 0x55);
        for (int i = 0; i < 10; i++) {
            bad.send("{not json");
            bad.send("{\"event\":\"wobble\",\"streamSid\":\"" + bad.streamSid() + "\"}");
            bad.send("{\"event\":\"media\",\"streamSid\":\"MZ" + "f".repeat(32)
                    + "\",\"media\":{\"track\":\"inbound\",\"payload\":\"AAAA\"}}");
            bad.send("{\"event\":\"media\",\"streamSid\":\"" + bad.streamSid()
                    + "\",\"media\":{\"track\":\"inbound\",\"payload\":\"!!!not-base64!!!\"}}");
            bad.sendBinary(new byte[] {1, 2, 3});
            bad.send("{\"event\":\"media\",\"streamSid\":\"" + bad.streamSid() + "\",\"media\":{\"payload\":\""
                    + "A".repeat(20_000) + "\"}}");
            bad.send("[]");
            good.media(frame);
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> goodPipeline.audioFrames() == 10);
        assertEquals(0, badPipeline.audioFrames(), "nothing malformed reached the pipeline");

        // media before start, on a stream of its own, is refused too
        MediaStreamClient early = MediaStreamClient.open(RestAssured.port);
        early.send("{\"event\":\"media\",\"streamSid\":\"MZ" + "a".repeat(32)
                + "\",\"media\":{\"track\":\"inbound\",\"payload\":\"AAAA\"}}");
        // a start without a valid token opens no call
        early.connectedAndStart(
                TwilioSimulator.newCallSid(), Map.of("callId", "forged", "tenantId", "t-acme", "token", "bogus"));
        assertTrue(early.awaitClosedByGateway(Duration.ofSeconds(5)));

        // both calls still work, both ways
        goodPipeline.send(new PipelineMessage.AgentAudio("g1", frame, true));
        good.await("mark");
        assertArrayEquals(frame, good.agentAudio());
        badPipeline.send(new PipelineMessage.AgentAudio("b1", frame, true));
        bad.await("mark");
        assertEquals("b1", badPipeline.await(GatewayMessage.Played.class).utteranceId());
        assertFalse(FakeTwilioApi.get().updatesOf(bad.streamSid()).size() > 0);

        for (String reason : List.of(
                "bad_json",
                "unknown_event",
                "wrong_stream_sid",
                "bad_base64",
                "binary_frame",
                "oversized",
                "before_start",
                "bad_stream_token")) {
            PrometheusMetrics.awaitLine("gateway_media_rejected_total{reason=\"" + reason + "\"}");
        }
        // calls outlive the pipeline connect timeout (2 s in %test): the bridge has no idle timeout
        Thread.sleep(2500);
        assertFalse(goodPipeline.isClosed() || badPipeline.isClosed());
        good.stop();
        bad.stop();
        for (MediaStreamClient call : List.of(good, bad)) {
            List<CallEvent> events =
                    CallEventsProbe.get().awaitEvent(call.callId(), e -> e.type() == EventType.CALL_ENDED);
            assertEquals(
                    CallStatus.ABANDONED,
                    ((CallEnded) events.get(events.size() - 1).payload()).status());
            assertTrue(events.stream().noneMatch(e -> e.type() == EventType.SYSTEM_ERROR));
        }
    }
}
