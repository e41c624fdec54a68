package com.spotfunnel.voice.gateway.admission;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spotfunnel.voice.events.CallEvent;
import com.spotfunnel.voice.events.payload.SystemError;
import com.spotfunnel.voice.gateway.fakes.CallEventsProbe;
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
            return Map.of("gateway.admission.max-live-calls", "2", "gateway.admission.refusal", "message");
        }
    }

    private static final String TENANT_NUMBER = "+15550000001";
    private final TwilioSimulator twilio = new TwilioSimulator();

    @Inject
    CallSessions sessions;

    @Inject
    MeterRegistry meters;

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

    private double refused() {
        var counter = meters.find("gateway_incoming_calls_total")
                .tag("outcome", "refused_capacity")
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
