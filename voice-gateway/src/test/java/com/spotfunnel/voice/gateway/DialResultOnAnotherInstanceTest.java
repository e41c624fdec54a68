package com.spotfunnel.voice.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import com.spotfunnel.voice.gateway.media.CallSession;
import com.spotfunnel.voice.gateway.media.CallSessions;
import com.spotfunnel.voice.gateway.twilio.StreamToken;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, several gateway replicas behind one URL: the Dial's outcome reaches an instance that does not hold the
 * call. On the old code that instance answered {@code <Hangup/>}: a caller whose transfer rang out was cut off.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(GatewayFakesResource.class)
class DialResultOnAnotherInstanceTest {

    private static final String ACME = "+15550000001"; // tenant t-acme, transfer number +15559990001
    private static final String CALLER = "+14155550710";

    private final TwilioSimulator twilio = new TwilioSimulator();

    @Inject
    CallSessions sessions;

    @Inject
    StreamToken tokens;

    @Test
    void theCallerComesBackToAnAgentOnANewSignedStreamInsteadOfBeingCutOff() throws Exception {
        String callSid = TwilioSimulator.newCallSid();
        String callId = UUID.randomUUID().toString(); // a call another instance answered
        String answer = twilio.post(
                        "/twilio/dial-result?callId=" + callId + "&reason=caller_request",
                        dialResult(callSid, "no-answer"))
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertFalse(answer.contains("<Hangup"), "the caller is not hung up on: " + answer);
        Map<String, String> parameters = twilio.streamParameters(answer); // to this gateway's public wss URL
        assertEquals(StreamToken.Check.VALID, tokens.verify(parameters, callSid, Instant.now()), "signed");
        assertEquals(StreamToken.Check.FORGED, tokens.verify(parameters, TwilioSimulator.newCallSid(), Instant.now()));
        assertEquals(callId, parameters.get("callId"));
        assertEquals("t-acme", parameters.get("tenantId"));
        assertEquals(CALLER, parameters.get("from"));
        assertEquals(ACME, parameters.get("to"));
        assertEquals("no-answer", parameters.get(StreamToken.RESUME));

        // The new stream reaches an instance without the call (here, this one): a new record carries the caller on.
        MediaStreamClient back = MediaStreamClient.open(RestAssured.port);
        back.connectedAndStart(callSid, parameters);
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> sessions.byCallSid(callSid).isPresent());
        CallSession continued = sessions.byCallSid(callSid).orElseThrow();
        String continuedId = continued.call().callId();
        assertNotEquals(callId, continuedId, "its own record: its events never mix with the first one's sequence");
        assertTrue(
                continued.phase() instanceof CallPhase.ReturnedToAgent,
                continued.phase().name());
        FakePipeline.Call pipeline = FakePipeline.get().awaitCall(continuedId);
        pipeline.await(GatewayMessage.CallStart.class);
        assertEquals(
                "no-answer",
                pipeline.await(GatewayMessage.TransferReturned.class).outcome(),
                "the agent is told the transfer did not connect, to apologise and take a message");
        byte[] sorry = {1, 2, 3, 4};
        pipeline.send(new PipelineMessage.AgentAudio("u-sorry", sorry, true));
        assertEquals(
                Base64.getEncoder().encodeToString(sorry),
                back.await("media").get("media").get("payload").asText(),
                "the caller hears the agent");
        pipeline.send(new PipelineMessage.Transcript(new TranscriptTurn(
                0, Speaker.CALLER, "It's Kim, please call me back on 0412 345 678", 0, 1000, false)));
        pipeline.send(new PipelineMessage.Transfer("caller_request"));
        CallEventsProbe.get().awaitEvent(continuedId, e -> e.type() == EventType.TRANSCRIPT_TURN);
        back.stop();

        List<CallEvent> events = CallEventsProbe.get().awaitEvent(continuedId, e -> e.type() == EventType.CALL_ENDED);
        List<CallTransferred> transfers = events.stream()
                .filter(e -> e.type() == EventType.CALL_TRANSFERRED)
                .map(e -> (CallTransferred) e.payload())
                .toList();
        assertEquals(1, transfers.size(), "no second transfer: " + transfers);
        assertEquals("no-answer", transfers.get(0).outcome());
        assertEquals(Boolean.TRUE, transfers.get(0).returnedToAgent());
        assertEquals("+15559990001", transfers.get(0).transferTo());
        assertEquals(
                CallStatus.COMPLETED, ((CallEnded) events.get(events.size() - 1).payload()).status());
        assertTrue(FakeTwilioApi.get().updatesOf(callSid).isEmpty(), "no second <Dial>");
    }

    @Test
    void theInstanceStillRingingTakesTheCallerBackWhenTheNewStreamReachesIt() throws Exception {
        String callSid = TwilioSimulator.newCallSid();
        MediaStreamClient caller = twilio.placeCall(callSid, CALLER, ACME);
        String callId = caller.callId();
        FakePipeline.Call pipeline = FakePipeline.get().awaitCall(callId);
        pipeline.await(GatewayMessage.CallStart.class);
        pipeline.send(new PipelineMessage.Transcript(
                new TranscriptTurn(0, Speaker.CALLER, "Can I talk to Sam please", 0, 1000, false)));
        pipeline.send(new PipelineMessage.Transfer("caller_request"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .until(() -> !FakeTwilioApi.get().updatesOf(callSid).isEmpty());
        caller.stop();
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> sessions.byCallSid(callSid)
                        .map(s -> s.phase() instanceof CallPhase.Dialing)
                        .orElse(false));

        // What another instance answered to the Dial's outcome: the same call, resume=busy, signed for this CallSid.
        Map<String, String> parameters = new LinkedHashMap<>(caller.parameters());
        parameters.keySet().retainAll(List.of("callId", "tenantId", "from", "to", "direction"));
        parameters.put(StreamToken.RESUME, "busy");
        MediaStreamClient back = MediaStreamClient.open(RestAssured.port);
        back.connectedAndStart(callSid, tokens.sign(parameters, callSid, Instant.now()));

        assertEquals(
                "busy", pipeline.await(GatewayMessage.TransferReturned.class).outcome());
        assertTrue(sessions.byCallSid(callSid).orElseThrow().phase() instanceof CallPhase.ReturnedToAgent);
        back.stop();
        List<CallEvent> events = CallEventsProbe.get().awaitEvent(callId, e -> e.type() == EventType.CALL_ENDED);
        CallTransferred last = events.stream()
                .filter(e -> e.type() == EventType.CALL_TRANSFERRED)
                .map(e -> (CallTransferred) e.payload())
                .reduce((a, b) -> b)
                .orElseThrow();
        assertEquals("busy", last.outcome());
        assertEquals(Boolean.TRUE, last.returnedToAgent());
        assertEquals(
                CallStatus.COMPLETED, ((CallEnded) events.get(events.size() - 1).payload()).status());
    }

    @Test
    void aDialResultForANumberNoTenantOwnsIsSpokenToNotSilentlyHungUp() {
        String answer = twilio.post(
                        "/twilio/dial-result?callId=" + UUID.randomUUID() + "&reason=caller_request",
                        Map.of(
                                "CallSid",
                                TwilioSimulator.newCallSid(),
                                "AccountSid",
                                TwilioSimulator.ACCOUNT_SID,
                                "From",
                                CALLER,
                                "To",
                                "+15550009999",
                                "CallStatus",
                                "in-progress",
                                "DialCallStatus",
                                "busy"))
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(answer.contains("<Say>") && answer.indexOf("<Say>") < answer.indexOf("<Hangup/>"), answer);
    }

    private static Map<String, String> dialResult(String callSid, String outcome) {
        return TwilioSimulator.dialResult(callSid, CALLER, ACME, outcome);
    }
}
