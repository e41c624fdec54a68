package com.spotfunnel.voice.gateway.admission;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spotfunnel.voice.events.CallEvent;
import com.spotfunnel.voice.events.EventType;
import com.spotfunnel.voice.events.payload.CallEnded;
import com.spotfunnel.voice.events.payload.CallStatus;
import com.spotfunnel.voice.events.payload.SystemError;
import com.spotfunnel.voice.gateway.bridge.PipelineBusy;
import com.spotfunnel.voice.gateway.fakes.CallEventsProbe;
import com.spotfunnel.voice.gateway.fakes.FakePipeline;
import com.spotfunnel.voice.gateway.fakes.FakeTwilioApi;
import com.spotfunnel.voice.gateway.fakes.GatewayFakesResource;
import com.spotfunnel.voice.gateway.fakes.MediaStreamClient;
import com.spotfunnel.voice.gateway.fakes.TwilioSimulator;
import com.spotfunnel.voice.gateway.media.CallSessions;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A gateway whose live-call limit is 2: the third caller hears the busy message and is hung up on, the call is
 * counted and recorded as refused, the two live calls go on, and once one ends the next caller is answered.
 */
@QuarkusTest
@TestProfile(AdmissionTest.TwoLines.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(GatewayFakesResource.class)
class AdmissionTest {

    public static class TwoLines implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "gateway.admission.max-live-calls",
                    "2",
                    "gateway.admission.refusal",
                    "message",
                    "gateway.admission.pipeline-busy-hold",
                    "5s");
        }
    }

    private static final String TENANT_NUMBER = "+15550000001";
    private final TwilioSimulator twilio = new TwilioSimulator();

    @Inject
    CallSessions sessions;

    @Inject
    MeterRegistry meters;

    @Inject
    PipelineBusy pipelineBusy;

    private static final String BUSY = "Sorry, all our lines are busy right now. Please call again shortly. Goodbye.";

    @Test
    void theCallPastTheLimitIsRefusedPolitelyAndRecordedWhileTheLiveCallsGoOn() throws Exception {
        String first = TwilioSimulator.newCallSid();
        String second = TwilioSimulator.newCallSid();
        MediaStreamClient firstCall = twilio.placeCall(first, "+14155550501", TENANT_NUMBER);
        MediaStreamClient secondCall = twilio.placeCall(second, "+14155550502", TENANT_NUMBER);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> sessions.byCallSid(first).isPresent()
                        && sessions.byCallSid(second).isPresent());
        double refusedBefore = refused();

        String third = TwilioSimulator.newCallSid();
        twilio.post("/twilio/voice", TwilioSimulator.incomingCall(third, "+14155550503", TENANT_NUMBER))
                .then()
                .statusCode(200)
                .body(containsString("<Say>Sorry, all our lines are busy right now. Please call again shortly. "
                        + "Goodbye.</Say><Hangup/>"))
                .body(not(containsString("<Stream")));

        assertEquals(refusedBefore + 1, refused());
        List<CallEvent> events = CallEventsProbe.get()
                .awaitCallWhere(e -> e.payload() instanceof SystemError error
                        && "capacity_refused".equals(error.errorType())
                        && third.equals(error.context().get("callSid")));
        SystemError error = (SystemError) events.get(0).payload();
        assertEquals("t-acme", events.get(0).tenantId());
        assertEquals("2", error.context().get("maxLiveCalls"));
        assertEquals("message", error.context().get("answer"));
        assertEquals("live_calls", error.context().get("reason"));
        assertTrue(
                sessions.byCallSid(first).isPresent()
                        && sessions.byCallSid(second).isPresent(),
                "still live");
        assertFalse(firstCall.awaitClosedByGateway(Duration.ofMillis(200)), "the gateway left the live call alone");

        // a line frees up: the next caller gets a stream again
        firstCall.stop();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> sessions.byCallSid(first).isEmpty());
        MediaStreamClient fourthCall = twilio.placeCall(TwilioSimulator.newCallSid(), "+14155550504", TENANT_NUMBER);
        assertEquals(refusedBefore + 1, refused());

        secondCall.stop();
        fourthCall.stop();
    }

    /**
     * pipeline-service at its conversation limit refuses the socket of a call the gateway answered already: the caller
     * hears the busy message (never silence) and is hung up on, the call is recorded as refused, and for a moment new
     * calls are refused at the webhook, before Twilio opens a stream that could only end the same way.
     */
    @Test
    void aConversationThePipelineRefusesEndsWithTheBusyMessageAndHoldsNewCallsAtTheWebhook() throws Exception {
        FakeTwilioApi.get().answerNormally();
        await().atMost(Duration.ofSeconds(30)).until(() -> sessions.size() == 0); // the other test's calls
        double pipelineBusyBefore = refusedBecause("pipeline_busy");
        String callSid = TwilioSimulator.newCallSid();
        String next = TwilioSimulator.newCallSid();
        FakePipeline.get().atCapacity(true);
        try {
            MediaStreamClient call = twilio.placeCall(callSid, "+14155550601", TENANT_NUMBER);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !FakeTwilioApi.get().updatesOf(callSid).isEmpty());
            assertEquals(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say>" + BUSY + "</Say><Hangup/></Response>",
                    FakeTwilioApi.form(FakeTwilioApi.get().updatesOf(callSid).get(0))
                            .get("Twiml"));

            twilio.post("/twilio/voice", TwilioSimulator.incomingCall(next, "+14155550602", TENANT_NUMBER))
                    .then()
                    .statusCode(200)
                    .body(containsString("<Say>" + BUSY + "</Say><Hangup/>"))
                    .body(not(containsString("<Stream")));
            call.stop();

            List<CallEvent> refusedCall =
                    CallEventsProbe.get().awaitEvent(call.callId(), e -> e.type() == EventType.CALL_ENDED);
            SystemError error = refusedCall.stream()
                    .map(CallEvent::payload)
                    .filter(SystemError.class::isInstance)
                    .map(SystemError.class::cast)
                    .findFirst()
                    .orElseThrow();
            assertEquals("capacity_refused", error.errorType());
            assertEquals("pipeline_busy", error.context().get("reason"));
            CallEnded ended =
                    (CallEnded) refusedCall.get(refusedCall.size() - 1).payload();
            assertEquals(CallStatus.FAILED, ended.status());
            assertEquals("capacity_refused", ended.endedReason());

            SystemError atWebhook = (SystemError) CallEventsProbe.get()
                    .awaitCallWhere(e -> e.payload() instanceof SystemError refused
                            && next.equals(refused.context().get("callSid")))
                    .get(0)
                    .payload();
            assertEquals("capacity_refused", atWebhook.errorType());
            assertEquals("pipeline_busy", atWebhook.context().get("reason"));
            assertEquals(pipelineBusyBefore + 2, refusedBecause("pipeline_busy"));
        } finally {
            FakePipeline.get().atCapacity(false);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> !pipelineBusy.busy());
    }

    private double refusedBecause(String reason) {
        var counter = meters.find("gateway_admission_refusals_total")
                .tag("reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private double refused() {
        var counter = meters.find("gateway_incoming_calls_total")
                .tag("outcome", "refused_capacity")
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
