package com.spotfunnel.voice.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spotfunnel.voice.events.CallEvent;
import com.spotfunnel.voice.events.EventType;
import com.spotfunnel.voice.events.bridge.CallToken;
import com.spotfunnel.voice.events.bridge.GatewayMessage;
import com.spotfunnel.voice.gateway.fakes.CallEventsProbe;
import com.spotfunnel.voice.gateway.fakes.FakePipeline;
import com.spotfunnel.voice.gateway.fakes.GatewayFakesResource;
import com.spotfunnel.voice.gateway.fakes.MediaStreamClient;
import com.spotfunnel.voice.gateway.fakes.TwilioSimulator;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.infra.testing.PrometheusMetrics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 item 3: who a call is for and from comes only from stream parameters the webhook signed. A start frame
 * that changes any of them, or replays a call that already started, opens no call and publishes nothing.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(GatewayFakesResource.class)
class SignedStreamParametersTest {

    private static final String SOLO_NUMBER = "+15550000002"; // tenant B: t-solo
    private static final String REFUSED = "gateway_media_rejected_total{reason=\"bad_stream_token\"}";

    private final TwilioSimulator twilio = new TwilioSimulator();

    @Test
    void aStartClaimingAnotherTenantIsRefusedAndNothingIsPublishedForIt() throws Exception {
        String callSid = twilio.answer(TwilioSimulator.newCallSid(), "+14155550700", SOLO_NUMBER);
        Map<String, String> crafted = twilio.lastStreamParameters();
        assertEquals("t-solo", crafted.get("tenantId"));
        crafted.put("tenantId", "t-custom"); // tenant C
        double refusedBefore = PrometheusMetrics.value(REFUSED);

        MediaStreamClient stream = MediaStreamClient.open(RestAssured.port);
        stream.connectedAndStart(callSid, crafted);

        assertTrue(stream.awaitClosedByGateway(Duration.ofSeconds(10)), "the gateway closes the crafted stream");
        assertEquals(refusedBefore + 1, PrometheusMetrics.value(REFUSED));
        assertNothingHappened(crafted.get("callId"));
    }

    @Test
    void aStartWithAnotherCallerIsRefused() throws Exception {
        String callSid = twilio.answer(TwilioSimulator.newCallSid(), "+14155550701", SOLO_NUMBER);
        Map<String, String> crafted = twilio.lastStreamParameters();
        crafted.put("from", "+14155550999");
        double refusedBefore = PrometheusMetrics.value(REFUSED);

        MediaStreamClient stream = MediaStreamClient.open(RestAssured.port);
        stream.connectedAndStart(callSid, crafted);

        assertTrue(stream.awaitClosedByGateway(Duration.ofSeconds(10)));
        assertEquals(refusedBefore + 1, PrometheusMetrics.value(REFUSED));
        assertNothingHappened(crafted.get("callId"));
    }

    @Test
    void theParametersOfOneCallOpenNoStreamForAnotherCallSid() throws Exception {
        twilio.answer(TwilioSimulator.newCallSid(), "+14155550702", SOLO_NUMBER);
        Map<String, String> params = twilio.lastStreamParameters();

        MediaStreamClient stream = MediaStreamClient.open(RestAssured.port);
        stream.connectedAndStart(TwilioSimulator.newCallSid(), params);

        assertTrue(stream.awaitClosedByGateway(Duration.ofSeconds(10)));
        assertNothingHappened(params.get("callId"));
    }

    @Test
    void aReplayedStartNeverBecomesASecondSessionOfTheCall() throws Exception {
        String callSid = TwilioSimulator.newCallSid();
        MediaStreamClient call = twilio.placeCall(callSid, "+14155550703", SOLO_NUMBER);
        List<CallEvent> started =
                CallEventsProbe.get().awaitEvent(call.callId(), e -> e.type() == EventType.CALL_STARTED);
        assertEquals("t-solo", started.get(0).tenantId());
        double duplicatesBefore = PrometheusMetrics.value("gateway_media_rejected_total{reason=\"duplicate_call\"}");

        MediaStreamClient replay = MediaStreamClient.open(RestAssured.port);
        replay.connectedAndStart(callSid, call.parameters());

        assertTrue(replay.awaitClosedByGateway(Duration.ofSeconds(10)));
        assertEquals(
                duplicatesBefore + 1,
                PrometheusMetrics.value("gateway_media_rejected_total{reason=\"duplicate_call\"}"));
        assertFalse(call.awaitClosedByGateway(Duration.ofMillis(200)), "the real call goes on");
        call.stop();
        List<CallEvent> events = CallEventsProbe.get().awaitEvent(call.callId(), e -> e.type() == EventType.CALL_ENDED);
        assertEquals(
                1,
                events.stream().filter(e -> e.type() == EventType.CALL_STARTED).count());
    }

    @Test
    void thePipelineSocketCarriesATokenNamingExactlyThisCall() throws Exception {
        String from = "+14155550704";
        MediaStreamClient call = twilio.placeCall(TwilioSimulator.newCallSid(), from, SOLO_NUMBER);
        FakePipeline.Call pipeline = FakePipeline.get().awaitCall(call.callId());
        GatewayMessage.CallStart start = pipeline.await(GatewayMessage.CallStart.class);

        CallToken tokens =
                new CallToken(ConfigProvider.getConfig().getValue("gateway.call-token-secret", String.class));
        CallToken.Verified verified = tokens.verify(pipeline.callToken(), Instant.now());
        assertTrue(verified.matches(start), "token " + verified);
        assertEquals("t-solo", verified.call().tenantId());
        assertEquals(from, verified.call().callerPhone());
        call.stop();
    }

    private static void assertNothingHappened(String callId) {
        // the refusal comes before the session exists: no CallStarted, no pipeline socket
        List<CallEvent> events = CallEventsProbe.get().ofCall(callId);
        assertTrue(events.isEmpty(), "events published for a refused stream: " + events);
        assertFalse(FakePipeline.get().hasCall(callId), "no pipeline socket for a refused stream");
    }
}
