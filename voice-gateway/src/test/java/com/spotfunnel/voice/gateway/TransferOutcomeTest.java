package com.spotfunnel.voice.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.spotfunnel.voice.events.CallEvent;
import com.spotfunnel.voice.events.EventType;
import com.spotfunnel.voice.events.bridge.GatewayMessage;
import com.spotfunnel.voice.events.bridge.PipelineMessage;
import com.spotfunnel.voice.events.payload.CallEnded;
import com.spotfunnel.voice.events.payload.CallStatus;
import com.spotfunnel.voice.events.payload.CallTransferred;
import com.spotfunnel.voice.events.payload.Speaker;
import com.spotfunnel.voice.events.payload.TranscriptTurn;
import com.spotfunnel.voice.gateway.fakes.CallEventsProbe;
import com.spotfunnel.voice.gateway.fakes.FakePipeline;
import com.spotfunnel.voice.gateway.fakes.FakeTwilioApi;
import com.spotfunnel.voice.gateway.fakes.GatewayFakesResource;
import com.spotfunnel.voice.gateway.fakes.MediaStreamClient;
import com.spotfunnel.voice.gateway.fakes.TwilioSimulator;
import com.spotfunnel.voice.gateway.media.CallPhase;
import com.spotfunnel.voice.gateway.media.CallSessions;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 14: a transfer the caller asks for, through the fake Twilio API, for each outcome. On the old code the call
 * ended with the Dial whatever happened: a caller whose transfer rang out, was busy or failed was cut off.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(GatewayFakesResource.class)
class TransferOutcomeTest {

    private static final String ACME = "+15550000001"; // transfer number, platform ring time (30 s), cold
    private static final String WARM = "+15550000004"; // transfer number, 12 s ring time, warm

    private final TwilioSimulator twilio = new TwilioSimulator();

    @Inject
    CallSessions sessions;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"no-answer", "busy", "failed"})
    void aTransferThatDoesNotConnectBringsTheCallerBackToTheAgent(String outcome) throws Exception {
        String callSid = TwilioSimulator.newCallSid();
        MediaStreamClient caller = twilio.placeCall(callSid, "+14155550700", ACME);
        String callId = caller.callId();
        FakePipeline.Call pipeline = FakePipeline.get().awaitCall(callId);
        pipeline.await(GatewayMessage.CallStart.class);
        pipeline.send(callerSaid("Can I speak to someone please"));
        pipeline.send(new PipelineMessage.Transfer("caller_request"));

        String dial = awaitTwimlOf(callSid);
        assertTrue(dial.contains("timeout=\"30\""), dial);
        assertTrue(
                dial.contains("<Number url=\"https://gateway.test.example/twilio/dial-answered?callId=" + callId
                        + "\">+15559990001</Number>"),
                dial);
        caller.stop(); // Twilio ends the Media Stream as it runs the <Dial>
        // the Dial rings for at least a moment before Twilio reports it: the stream's stop is in by then
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> sessions.byCallSid(callSid)
                        .map(s -> s.phase() instanceof CallPhase.Dialing)
                        .orElse(false));

        String answer = twilio.post(
                        "/twilio/dial-result?callId=" + callId + "&reason=caller_request", dialResult(callSid, outcome))
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Map<String, String> parameters = twilio.streamParameters(answer);
        assertEquals(callId, parameters.get("callId"));
        assertEquals(outcome, parameters.get("resume"));

        MediaStreamClient back = MediaStreamClient.open(RestAssured.port);
        back.connectedAndStart(callSid, parameters);
        assertEquals(
                outcome, pipeline.await(GatewayMessage.TransferReturned.class).outcome());
        byte[] sorry = {5, 6, 7, 8};
        pipeline.send(new PipelineMessage.AgentAudio("u-back", sorry, true));
        String heard = back.await("media").get("media").get("payload").asText();
        assertEquals(Base64.getEncoder().encodeToString(sorry), heard, "the agent speaks on the new stream");
        back.await("mark");
        back.stop();

        List<CallEvent> events = CallEventsProbe.get().awaitEvent(callId, e -> e.type() == EventType.CALL_ENDED);
        CallTransferred recorded = transfers(events).get(transfers(events).size() - 1);
        assertEquals(outcome, recorded.outcome());
        assertEquals(Boolean.TRUE, recorded.returnedToAgent());
        CallEnded ended = (CallEnded) events.get(events.size() - 1).payload();
        assertEquals(CallStatus.COMPLETED, ended.status(), "the call went on with the agent: not 'transferred'");
        assertEquals(
                1,
                events.stream().filter(e -> e.type() == EventType.CALL_STARTED).count(),
                "one call");
        assertTrue(metrics()
                .contains("gateway_transfer_outcomes_total{outcome=\"" + outcome + "\",returned_to_agent=\"true\"}"));
    }

    @Test
    void aWarmTransferWhispersWhoIsCallingAndWhyThenTheRecordSaysAnswered() throws Exception {
        String callSid = TwilioSimulator.newCallSid();
        MediaStreamClient caller = twilio.placeCall(callSid, "+14155550701", WARM);
        String callId = caller.callId();
        FakePipeline.Call pipeline = FakePipeline.get().awaitCall(callId);
        pipeline.await(GatewayMessage.CallStart.class);
        pipeline.send(callerSaid("My boiler is leaking all over the kitchen"));
        pipeline.send(new PipelineMessage.Transfer("caller_request"));
        String dial = awaitTwimlOf(callSid);
        assertTrue(dial.contains("timeout=\"12\""), "the tenant's ring time: " + dial);
        assertTrue(dial.contains(">+15559990004</Number>"), dial);
        caller.stop();

        Map<String, String> answered =
                TwilioSimulator.incomingCall(TwilioSimulator.newCallSid(), "+15550000004", "+15559990004");
        answered.put("ParentCallSid", callSid);
        answered.put("CallStatus", "in-progress");
        answered.put("Direction", "outbound-dial");
        String whisper = twilio.post("/twilio/dial-answered?callId=" + callId, answered)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(whisper.contains("<Say>"), whisper);
        assertTrue(whisper.contains("My boiler is leaking all over the kitchen"), whisper);
        assertTrue(whisper.contains("4 1 5 5 5 5 0 7 0 1"), "who is calling: " + whisper);

        List<CallEvent> events = CallEventsProbe.get().awaitEvent(callId, e -> e.type() == EventType.CALL_ENDED);
        assertEquals(
                List.of("initiated", "answered"),
                transfers(events).stream().map(CallTransferred::outcome).toList());
        assertEquals(Boolean.FALSE, transfers(events).get(1).returnedToAgent());
        assertEquals(
                CallStatus.TRANSFERRED,
                ((CallEnded) events.get(events.size() - 1).payload()).status());

        // when the conversation with the person ends, the Dial's action reports completed: nothing new, Twilio hangs up
        String after = twilio.post(
                        "/twilio/dial-result?callId=" + callId + "&reason=caller_request",
                        dialResult(callSid, "completed"))
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(after.contains("<Hangup/>"), after);
        Thread.sleep(500); // nothing to wait for: anything published would already be on its way
        assertEquals(2, transfers(CallEventsProbe.get().ofCall(callId)).size());
    }

    @Test
    void aColdTransferConnectsAtOnceWithoutAWhisper() throws Exception {
        String callSid = TwilioSimulator.newCallSid();
        MediaStreamClient caller = twilio.placeCall(callSid, "+14155550702", ACME);
        String callId = caller.callId();
        FakePipeline.Call pipeline = FakePipeline.get().awaitCall(callId);
        pipeline.await(GatewayMessage.CallStart.class);
        pipeline.send(new PipelineMessage.Transfer("caller_request"));
        awaitTwimlOf(callSid);
        caller.stop();
        Map<String, String> answered = TwilioSimulator.incomingCall(TwilioSimulator.newCallSid(), ACME, "+15559990001");
        answered.put("ParentCallSid", callSid);
        String body = twilio.post("/twilio/dial-answered?callId=" + callId, answered)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertFalse(body.contains("<Say>"), body);
        List<CallEvent> events = CallEventsProbe.get().awaitEvent(callId, e -> e.type() == EventType.CALL_ENDED);
        assertEquals(
                "answered", transfers(events).get(transfers(events).size() - 1).outcome());
        // the pipeline's socket is closed with the call: it was kept open only while the transfer rang
        pipeline.await(GatewayMessage.CallerHangup.class);
    }

    @Test
    void anUnsignedDialResultIsRefused() {
        twilio.post(
                        "/twilio/dial-result?callId=x&reason=caller_request",
                        dialResult(TwilioSimulator.newCallSid(), "no-answer"),
                        "bad")
                .then()
                .statusCode(403);
        twilio.post("/twilio/dial-answered?callId=x", dialResult(TwilioSimulator.newCallSid(), "answered"), "bad")
                .then()
                .statusCode(403);
    }

    private static PipelineMessage.Transcript callerSaid(String text) {
        return new PipelineMessage.Transcript(new TranscriptTurn(0, Speaker.CALLER, text, 0, 1000, false));
    }

    private static Map<String, String> dialResult(String callSid, String outcome) {
        return TwilioSimulator.dialResult(callSid, "+14155550700", ACME, outcome);
    }

    private static List<CallTransferred> transfers(List<CallEvent> events) {
        return events.stream()
                .filter(e -> e.type() == EventType.CALL_TRANSFERRED)
                .map(e -> (CallTransferred) e.payload())
                .toList();
    }

    private static String awaitTwimlOf(String callSid) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .until(() -> !FakeTwilioApi.get().updatesOf(callSid).isEmpty());
        List<LoggedRequest> updates = FakeTwilioApi.get().updatesOf(callSid);
        return FakeTwilioApi.form(updates.get(updates.size() - 1)).get("Twiml");
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
