package com.spotfunnel.voice.gateway;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spotfunnel.voice.events.CallEvent;
import com.spotfunnel.voice.events.EventType;
import com.spotfunnel.voice.events.bridge.GatewayMessage;
import com.spotfunnel.voice.events.payload.CallStatusReported;
import com.spotfunnel.voice.events.payload.Severity;
import com.spotfunnel.voice.events.payload.SystemError;
import com.spotfunnel.voice.gateway.fakes.CallEventsProbe;
import com.spotfunnel.voice.gateway.fakes.FakePipeline;
import com.spotfunnel.voice.gateway.fakes.GatewayFakesResource;
import com.spotfunnel.voice.gateway.fakes.MediaStreamClient;
import com.spotfunnel.voice.gateway.fakes.TwilioSimulator;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.simulator.TwilioSignature;
import com.twilio.security.RequestValidator;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(GatewayFakesResource.class)
class TwilioWebhookTest {

    private final TwilioSimulator twilio = new TwilioSimulator();

    @Test
    void simulatorSignsLikeTwilio() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("CallSid", "CA1234567890ABCDE");
        params.put("Caller", "+14158675310");
        params.put("Digits", "1234");
        params.put("From", "+14158675310");
        params.put("To", "+18005551212");
        String url = "https://example.com/myapp.php?foo=1&bar=2";
        assertEquals("L/OH5YylLD5NRKLltdqwSvS0BnU=", TwilioSignature.sign("12345", url, params));
        assertTrue(new RequestValidator("12345").validate(url, params, "L/OH5YylLD5NRKLltdqwSvS0BnU="));
    }

    @Test
    void missingSignatureIsForbiddenAndStartsNoStream() {
        var params = TwilioSimulator.incomingCall(TwilioSimulator.newCallSid(), "+14155550100", "+15550000001");
        twilio.post("/twilio/voice", params, null).then().statusCode(403).body(not(containsString("<Stream")));
    }

    @Test
    void wrongSignatureIsForbidden() {
        var params = TwilioSimulator.incomingCall(TwilioSimulator.newCallSid(), "+14155550100", "+15550000001");
        String signature = twilio.sign("/twilio/voice", params);
        params.put("To", "+15550000002"); // tampered after signing
        twilio.post("/twilio/voice", params, signature).then().statusCode(403);
        // signed with another token
        twilio.post(
                        "/twilio/voice",
                        params,
                        TwilioSignature.sign("not-the-token", "https://gateway.test.example/twilio/voice", params))
                .then()
                .statusCode(403);
        // signed over another URL (what a forged Host header would give without a trusted proxy)
        twilio.post(
                        "/twilio/voice",
                        params,
                        TwilioSignature.sign("test-auth-token-12345", "https://evil.example/twilio/voice", params))
                .then()
                .statusCode(403);
        twilio.post("/twilio/status", params, "bm90IGEgc2lnbmF0dXJl").then().statusCode(403);
    }

    @Test
    void knownNumberGetsAStreamWithItsParameters() {
        String callSid = TwilioSimulator.newCallSid();
        twilio.post("/twilio/voice", TwilioSimulator.incomingCall(callSid, "+14155550100", "+15550000001"))
                .then()
                .statusCode(200)
                .contentType(containsString("xml"))
                .body(containsString("<Connect><Stream url=\"wss://gateway.test.example/twilio/media\">"))
                .body(containsString("<Parameter name=\"tenantId\" value=\"t-acme\"/>"))
                .body(containsString("<Parameter name=\"callId\""))
                .body(containsString("<Parameter name=\"token\""))
                .body(not(containsString("/twilio/media?")));
    }

    @Test
    void unknownNumberIsToldPolitelyAndReportedAsSystemError() {
        String callSid = TwilioSimulator.newCallSid();
        twilio.post("/twilio/voice", TwilioSimulator.incomingCall(callSid, "+14155550100", "+15557770000"))
                .then()
                .statusCode(200)
                .body(containsString("<Say>Sorry, this number is not in service. Goodbye.</Say><Hangup/>"))
                .body(not(containsString("<Stream")));
        List<CallEvent> events = CallEventsProbe.get()
                .awaitCallWhere(e -> e.payload() instanceof SystemError error
                        && "unknown_number".equals(error.errorType())
                        && callSid.equals(error.context().get("callSid")));
        SystemError error = (SystemError) events.get(0).payload();
        assertEquals(Severity.WARNING, error.severity());
        assertEquals(0, events.get(0).seq());
        assertTrue(CallEventsProbe.get().keyedByCallId(events.get(0).callId()));
    }

    @Test
    void statusCallbacksAreAcceptedTwiceAndOutOfOrder() {
        String callSid = TwilioSimulator.newCallSid();
        var completed = TwilioSimulator.incomingCall(callSid, "+14155550100", "+15550000001");
        completed.put("CallStatus", "completed");
        completed.put("CallDuration", "42");
        completed.put("SequenceNumber", "3");
        var ringing = TwilioSimulator.incomingCall(callSid, "+14155550100", "+15550000001");
        ringing.put("SequenceNumber", "0");
        double before = finalCompleted();
        twilio.post("/twilio/status", completed).then().statusCode(200);
        twilio.post("/twilio/status", completed).then().statusCode(200);
        twilio.post("/twilio/status", ringing).then().statusCode(200);
        assertEquals(before + 1, finalCompleted(), "recorded once; the late 'ringing' changes nothing");
        assertEquals("completed", ledger.get(callSid).orElseThrow().status());
        assertEquals(42, ledger.get(callSid).orElseThrow().durationSeconds());
    }

    @Test
    void twiliosBilledDurationGoesOnTheCallsEventsOnce() throws Exception {
        String callSid = TwilioSimulator.newCallSid();
        MediaStreamClient caller = twilio.placeCall(callSid, "+14155550104", "+15550000001");
        FakePipeline.get().awaitCall(caller.callId()).await(GatewayMessage.CallStart.class);
        caller.stop();
        CallEventsProbe.get().awaitEvent(caller.callId(), e -> e.type() == EventType.CALL_ENDED);

        // Twilio's status callback comes after the stream ended, and may come twice
        var completed = TwilioSimulator.incomingCall(callSid, "+14155550104", "+15550000001");
        completed.put("CallStatus", "completed");
        completed.put("CallDuration", "42");
        completed.put("SequenceNumber", "3");
        twilio.post("/twilio/status", completed).then().statusCode(200);
        twilio.post("/twilio/status", completed).then().statusCode(200);

        List<CallEvent> events =
                CallEventsProbe.get().awaitEvent(caller.callId(), e -> e.type() == EventType.CALL_STATUS_REPORTED);
        CallEvent reported = events.get(events.size() - 1);
        assertEquals(new CallStatusReported("completed", 42L), reported.payload());
        assertEquals(events.size() - 1, reported.seq(), "continues the call's seq");
        Thread.sleep(300);
        assertEquals(
                1,
                CallEventsProbe.get().ofCall(caller.callId()).stream()
                        .filter(e -> e.type() == EventType.CALL_STATUS_REPORTED)
                        .count(),
                "the repeat adds nothing");
    }

    @jakarta.inject.Inject
    com.spotfunnel.voice.gateway.twilio.CallStatusLedger ledger;

    @jakarta.inject.Inject
    io.micrometer.core.instrument.MeterRegistry meters;

    private double finalCompleted() {
        var counter = meters.find("gateway_twilio_final_status_total")
                .tag("status", "completed")
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
