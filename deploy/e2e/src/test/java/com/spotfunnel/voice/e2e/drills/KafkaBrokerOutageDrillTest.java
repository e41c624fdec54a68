package com.spotfunnel.voice.e2e.drills;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spotfunnel.voice.e2e.ServiceProcess;
import com.spotfunnel.voice.e2e.drills.SimulatedVoiceStack.LiveCall;
import com.spotfunnel.voice.infra.kafka.RestartableKafkaBroker;
import com.spotfunnel.voice.simulator.CallResult;
import com.spotfunnel.voice.simulator.CallerTransport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fault drill: the Kafka broker stops while 50 calls are live and comes back at the same address
 * {@value #OUTAGE_SECONDS} s later. The calls go on undisturbed, and every call's events reach the broker
 * once: what the read models (dashboard-api, admin-api) consume is complete and has no duplicate.
 */
class KafkaBrokerOutageDrillTest {

    static final int CALLS = 50;
    static final int OUTAGE_SECONDS = 25;

    static RestartableKafkaBroker broker;
    static ServiceProcess pipeline;
    static ServiceProcess gateway;
    static CallerTransport callers;

    @BeforeAll
    static void startStack() throws Exception {
        broker = RestartableKafkaBroker.start();
        Path tenants = SimulatedVoiceStack.publishTenant(broker.bootstrapServers());
        pipeline = SimulatedVoiceStack.startPipeline("drill-outage-pipeline-service", broker.bootstrapServers());
        gateway = SimulatedVoiceStack.startGateway(
                "drill-outage-voice-gateway", broker.bootstrapServers(), pipeline, tenants, Duration.ofSeconds(5));
        pipeline.awaitReady(Duration.ofSeconds(90));
        gateway.awaitReady(Duration.ofSeconds(90));
        callers = CallerTransport.open();
    }

    @AfterAll
    static void stopStack() {
        for (AutoCloseable closeable : new AutoCloseable[] {gateway, pipeline, broker}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                System.err.println("drill teardown: " + e);
            }
        }
        if (callers != null) {
            callers.close();
        }
    }

    @Test
    void everyEventOfFiftyLiveCallsArrivesOnceThoughTheBrokerWasDown() throws Exception {
        long started = System.nanoTime();
        List<LiveCall> calls =
                SimulatedVoiceStack.place(SimulatedVoiceStack.plan(gateway, 3), CALLS, Duration.ofSeconds(5), callers);

        // The broker goes away once every call is live (CallStarted written, bridged to the pipeline): each call
        // then has events before, during and after the outage.
        gateway.awaitMetric("gateway_active_calls", CALLS, Duration.ofSeconds(90));
        Instant outageStarted = Instant.now();
        broker.stop();
        log("broker stopped %d s into the drill", seconds(started));
        Set<String> healthDuringOutage = new TreeSet<>();
        long outageEnds = System.nanoTime() + TimeUnit.SECONDS.toNanos(OUTAGE_SECONDS);
        while (System.nanoTime() < outageEnds) {
            healthDuringOutage.add("gateway ready " + gateway.readinessStatus());
            healthDuringOutage.add("gateway live " + gateway.status("/q/health/live"));
            healthDuringOutage.add("pipeline ready " + pipeline.readinessStatus());
            healthDuringOutage.add("pipeline live " + pipeline.status("/q/health/live"));
            Thread.sleep(1000);
        }
        broker.startAgain();
        Instant outageEnded = Instant.now();
        log(
                "broker back after %d s of outage, %d s into the drill; health meanwhile: %s",
                OUTAGE_SECONDS, seconds(started), healthDuringOutage);
        // The services still take calls (events wait in the producer buffer): a broker outage must not take
        // every instance out of its load balancer at once, nor get them restarted.
        assertEquals(
                Set.of("gateway ready 200", "gateway live 200", "pipeline ready 200", "pipeline live 200"),
                healthDuringOutage,
                "health during the broker outage");

        List<CallResult> results = new ArrayList<>();
        for (LiveCall call : calls) {
            results.add(call.result().get(120, TimeUnit.SECONDS));
        }
        List<String> failed = results.stream()
                .filter(r -> !r.succeeded())
                .map(r -> r.callSid() + ": " + r.error() + " answered " + r.answeredTurns() + "/" + r.plannedTurns())
                .toList();
        assertEquals(List.of(), failed, "calls disturbed by the broker outage");

        List<String> callSids = calls.stream().map(c -> c.call().callSid()).toList();
        CallEventsLog events = CallEventsLog.read(
                broker.bootstrapServers(),
                Duration.ofSeconds(180),
                log -> callSids.stream().allMatch(sid -> CallEventsCheck.ended(log, sid)));
        List<String> problems = new ArrayList<>();
        callSids.forEach(sid -> problems.addAll(CallEventsCheck.problems(events, sid)));
        assertEquals(List.of(), problems, "events lost or duplicated across the broker outage");
        long writtenDuringOutage = callSids.stream()
                .map(events::callIdOf)
                .flatMap(id -> events.recordsOf(id).stream())
                .filter(e ->
                        e.occurredAt().isAfter(outageStarted) && e.occurredAt().isBefore(outageEnded))
                .count();
        assertTrue(writtenDuringOutage > 0, "the outage overlapped the calls: no event was produced during it");
        log("%d events were produced while the broker was down", writtenDuringOutage);
        assertTrue(gateway.isAlive() && pipeline.isAlive(), "both services rode the outage out");
        log("drill done in %d s: %d calls, every event once", seconds(started), CALLS);
    }

    private static long seconds(long sinceNanos) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - sinceNanos);
    }

    private static void log(String format, Object... args) {
        System.out.printf("[kafka-outage-drill] " + format + "%n", args);
    }
}
