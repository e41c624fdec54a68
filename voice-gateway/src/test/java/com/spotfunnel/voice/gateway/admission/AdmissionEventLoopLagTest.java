package com.spotfunnel.voice.gateway.admission;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spotfunnel.voice.events.payload.SystemError;
import com.spotfunnel.voice.gateway.fakes.CallEventsProbe;
import com.spotfunnel.voice.gateway.fakes.GatewayFakesResource;
import com.spotfunnel.voice.gateway.fakes.MediaStreamClient;
import com.spotfunnel.voice.gateway.fakes.TwilioSimulator;
import com.spotfunnel.voice.gateway.media.CallSessions;
import com.spotfunnel.voice.gateway.ops.EventLoopLagProbe;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The load signal beside the count: while one event loop is stuck (here: a task that sleeps on it, as a blocking
 * call by mistake would) a new call is refused like one past the live-call limit — busy message, counted with its
 * reason, recorded — while the live call goes on; once the loop runs on time again calls are admitted.
 */
@QuarkusTest
@TestProfile(AdmissionEventLoopLagTest.LagLimit.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(GatewayFakesResource.class)
class AdmissionEventLoopLagTest {

    /** No count limit; lag past 1 s refuses. The window (1 s) is shorter than the stall, see below. */
    public static class LagLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "gateway.admission.max-event-loop-lag", "1s",
                    "gateway.admission.lag-probe-interval", "50ms",
                    "gateway.admission.lag-window", "1s");
        }
    }

    private static final String TENANT_NUMBER = "+15550000001";
    private static final long STALL_MS = 4_000;
    private final TwilioSimulator twilio = new TwilioSimulator();

    @Inject
    Vertx vertx;

    @Inject
    EventLoopLagProbe lag;

    @Inject
    CallSessions sessions;

    @Inject
    MeterRegistry meters;

    @Test
    void aNewCallIsRefusedWhileAnEventLoopIsStuckAndAdmittedOnceItRunsOnTime() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> lag.lagNanos() < TimeUnit.MILLISECONDS.toNanos(500));
        String liveSid = TwilioSimulator.newCallSid();
        MediaStreamClient live = twilio.placeCall(liveSid, "+14155550701", TENANT_NUMBER);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> sessions.byCallSid(liveSid).isPresent());
        double before = refusedBecause("event_loop_lag");

        // Whichever loop the webhook's connection uses: on another loop it sees the stuck loop's overdue tick; on
        // the stuck one it runs after the stall, when that loop's only sample in the 1 s window is the 4 s one.
        vertx.nettyEventLoopGroup().next().execute(() -> sleep(STALL_MS));
        await().atMost(Duration.ofSeconds(3)).until(() -> lag.lagNanos() >= TimeUnit.SECONDS.toNanos(1));
        String refusedSid = TwilioSimulator.newCallSid();
        twilio.post("/twilio/voice", TwilioSimulator.incomingCall(refusedSid, "+14155550702", TENANT_NUMBER))
                .then()
                .statusCode(200)
                .body(containsString("<Say>Sorry, all our lines are busy right now."))
                .body(not(containsString("<Stream")));

        assertEquals(before + 1, refusedBecause("event_loop_lag"));
        SystemError error = (SystemError) CallEventsProbe.get()
                .awaitCallWhere(e -> e.payload() instanceof SystemError refused
                        && refusedSid.equals(refused.context().get("callSid")))
                .get(0)
                .payload();
        assertEquals("capacity_refused", error.errorType());
        assertEquals("event_loop_lag", error.context().get("reason"));
        assertTrue(
                Long.parseLong(error.context().get("eventLoopLagMs")) >= 1_000,
                error.context().toString());
        assertTrue(sessions.byCallSid(liveSid).isPresent(), "the live call goes on");
        assertFalse(live.awaitClosedByGateway(Duration.ofMillis(200)), "the gateway left the live call alone");

        // on time again (a window after the stall): the next caller gets a stream
        await().atMost(Duration.ofSeconds(30)).until(() -> lag.lagNanos() < TimeUnit.MILLISECONDS.toNanos(500));
        MediaStreamClient next = twilio.placeCall(TwilioSimulator.newCallSid(), "+14155550703", TENANT_NUMBER);
        assertEquals(before + 1, refusedBecause("event_loop_lag"));
        next.stop();
        live.stop();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private double refusedBecause(String reason) {
        var counter = meters.find("gateway_admission_refusals_total")
                .tag("reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
