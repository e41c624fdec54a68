package com.spotfunnel.voice.e2e.drills;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spotfunnel.voice.e2e.ServiceProcess;
import com.spotfunnel.voice.e2e.drills.SimulatedVoiceStack.LiveCall;
import com.spotfunnel.voice.events.payload.CallEnded;
import com.spotfunnel.voice.events.payload.CallStatus;
import com.spotfunnel.voice.infra.kafka.SharedKafkaBroker;
import com.spotfunnel.voice.simulator.CallResult;
import com.spotfunnel.voice.simulator.CallerTransport;
import com.spotfunnel.voice.simulator.SimulatedCall;
import com.spotfunnel.voice.simulator.TwilioSignature;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Fault drill: SIGTERM to the packaged voice-gateway, as Kubernetes sends on a rolling deploy or scale-down.
 * With live calls: readiness goes DOWN at once, a new call is answered 503 (Twilio then tries the number's
 * fallback URL), the live calls go on to their natural end, the process exits right after the last one, and
 * every event of those calls is on the broker. Without live calls (after calls had ended — the case Quarkus'
 * HTTP graceful shutdown got wrong), gateway and pipeline stop in seconds, not after the grace period.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewaySigtermDrillTest {

    /** Long enough that waiting it out would be unmistakable; the drill expects far shorter stops. */
    static final Duration GRACE = Duration.ofSeconds(40);

    static final Duration QUICK_STOP = Duration.ofSeconds(10);
    static final int LIVE_CALLS = 10;

    static String kafka;
    static Path tenants;
    static ServiceProcess pipeline;
    static HttpClient http;
    static CallerTransport callers;

    @BeforeAll
    static void startPipeline() throws Exception {
        kafka = SharedKafkaBroker.bootstrapServers();
        tenants = SimulatedVoiceStack.publishTenant(kafka);
        pipeline = SimulatedVoiceStack.startPipeline("drill-sigterm-pipeline-service", kafka);
        pipeline.awaitReady(Duration.ofSeconds(90));
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        callers = CallerTransport.open();
    }

    @AfterAll
    static void stopPipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
        if (callers != null) {
            callers.close();
        }
    }

    @Test
    @Order(1)
    void withLiveCallsNoNewCallIsTakenTheLiveOnesFinishAndTheirEventsAreFlushed() throws Exception {
        ServiceProcess gateway =
                SimulatedVoiceStack.startGateway("drill-sigterm-voice-gateway-live", kafka, pipeline, tenants, GRACE);
        try {
            gateway.awaitReady(Duration.ofSeconds(90));
            List<LiveCall> calls = SimulatedVoiceStack.place(
                    SimulatedVoiceStack.plan(gateway, 3), LIVE_CALLS, Duration.ofSeconds(2), callers);
            // SIGTERM once every call is live on the gateway (its media stream started, the pipeline bridged).
            gateway.awaitMetric("gateway_active_calls", LIVE_CALLS, Duration.ofSeconds(60));
            assertTrue(calls.stream().noneMatch(c -> c.result().isDone()), "the calls are still live at SIGTERM");

            long sigterm = System.nanoTime();
            gateway.terminate();
            awaitReadiness(gateway, 503, Duration.ofSeconds(5));
            HttpResponse<String> refused = newCallWebhook(gateway);
            assertEquals(503, refused.statusCode(), "a new call while draining: " + refused.body());
            assertTrue(gateway.isAlive(), "the gateway waits for its live calls");

            List<CallResult> results = new ArrayList<>();
            for (LiveCall call : calls) {
                results.add(call.result().get(GRACE.toSeconds(), TimeUnit.SECONDS));
            }
            long lastCallEnded = System.nanoTime();
            List<String> cut = results.stream()
                    .filter(r -> !r.succeeded())
                    .map(r ->
                            r.callSid() + ": " + r.error() + " answered " + r.answeredTurns() + "/" + r.plannedTurns())
                    .toList();
            assertEquals(List.of(), cut, "live calls cut short by SIGTERM");

            assertTrue(gateway.awaitExit(QUICK_STOP), "the gateway exits once its last call has ended");
            long exited = System.nanoTime();
            log(
                    "live calls: SIGTERM → last call ended %d ms, → exit %d ms (grace %s)",
                    millis(sigterm, lastCallEnded), millis(sigterm, exited), GRACE);

            List<String> callSids = calls.stream().map(c -> c.call().callSid()).toList();
            CallEventsLog events = CallEventsLog.read(
                    kafka,
                    Duration.ofSeconds(60),
                    log -> callSids.stream().allMatch(sid -> CallEventsCheck.ended(log, sid)));
            List<String> problems = new ArrayList<>();
            for (String sid : callSids) {
                problems.addAll(CallEventsCheck.problems(events, sid));
                String callId = events.callIdOf(sid);
                if (callId != null) {
                    events.recordsOf(callId).stream()
                            .map(e -> e.payload())
                            .filter(CallEnded.class::isInstance)
                            .map(CallEnded.class::cast)
                            .filter(ended -> ended.status() != CallStatus.COMPLETED)
                            .forEach(ended -> problems.add(sid + ": ended " + ended.status()));
                }
            }
            assertEquals(List.of(), problems, "events of the drained calls");
        } finally {
            gateway.close();
        }
    }

    @Test
    @Order(2)
    void withoutLiveCallsGatewayAndPipelineStopInSecondsNotAfterTheGracePeriod() throws Exception {
        ServiceProcess gateway =
                SimulatedVoiceStack.startGateway("drill-sigterm-voice-gateway-idle", kafka, pipeline, tenants, GRACE);
        try {
            gateway.awaitReady(Duration.ofSeconds(90));
            // One whole call first: a WebSocket that was upgraded and has closed is what made Quarkus wait.
            SimulatedCall call = new SimulatedCall(SimulatedVoiceStack.plan(gateway, 1), callers);
            CallResult result = call.run().get(60, TimeUnit.SECONDS);
            assertTrue(result.succeeded(), "the call before the stop: " + result);

            long sigterm = System.nanoTime();
            gateway.terminate();
            assertTrue(gateway.awaitExit(QUICK_STOP), "an idle gateway stops in seconds, not after " + GRACE);
            log("idle gateway: SIGTERM → exit %d ms", millis(sigterm, System.nanoTime()));
            assertFalse(gateway.isAlive());
        } finally {
            gateway.close();
        }

        long sigterm = System.nanoTime();
        pipeline.terminate();
        assertTrue(pipeline.awaitExit(QUICK_STOP), "an idle pipeline-service stops in seconds");
        log(
                "idle pipeline-service (after %d calls): SIGTERM → exit %d ms",
                LIVE_CALLS + 1, millis(sigterm, System.nanoTime()));
    }

    private static void awaitReadiness(ServiceProcess service, int status, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            last = service.readinessStatus();
            if (last == status) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("readiness answered " + last + ", expected " + status + " within " + timeout);
    }

    /** An incoming call's signed webhook, as Twilio sends it. */
    private static HttpResponse<String> newCallWebhook(ServiceProcess gateway) throws Exception {
        String url = gateway.baseUrl() + "/twilio/voice";
        Map<String, String> params = new LinkedHashMap<>();
        params.put("CallSid", "CA0000000000000000000000000000dra");
        params.put("AccountSid", SimulatedVoiceStack.ACCOUNT_SID);
        params.put("From", SimulatedVoiceStack.CALLER);
        params.put("To", SimulatedVoiceStack.NUMBER);
        params.put("CallStatus", "ringing");
        params.put("Direction", "inbound");
        String form = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-Twilio-Signature", TwilioSignature.sign(SimulatedVoiceStack.AUTH_TOKEN, url, params))
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static long millis(long fromNanos, long toNanos) {
        return TimeUnit.NANOSECONDS.toMillis(toNanos - fromNanos);
    }

    private static void log(String format, Object... args) {
        System.out.printf("[sigterm-drill] " + format + "%n", args);
    }
}
