package com.spotfunnel.voice.simulator;

import com.spotfunnel.voice.events.CallEvent;
import com.spotfunnel.voice.events.payload.CallEnded;
import com.spotfunnel.voice.events.payload.TranscriptTurn;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code call}: one simulated call, then its transcript and events from Kafka.
 * {@code load}: N concurrent calls and a summary line.
 * {@code reference}: the do-nothing reference gateway of the side-by-side benchmark, until killed.
 */
public final class CallSimulatorMain {

    private CallSimulatorMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !List.of("call", "load", "reference").contains(args[0])) {
            System.err.println("usage: call|load --gateway URL --auth-token TOKEN --to +E164 [--from +E164] "
                    + "[--account-sid AC…] [--utterances 2] [--speech-ms 1200] [--turn-timeout-ms 8000] "
                    + "[--endpoint-ms 600] [--kafka HOST:PORT] [--calls N] [--ramp-up-s 5]\n"
                    + "       reference --port 8090 --auth-token TOKEN [--public-base-url http://localhost:8090] "
                    + "[--answer-pause-ms 0] [--answer-ms 1000] [--endpoint-ms 600]");
            System.exit(2);
        }
        Map<String, String> options = options(args);
        if (args[0].equals("reference")) {
            reference(options);
            return;
        }
        CallPlan plan = new CallPlan(
                required(options, "gateway"),
                required(options, "auth-token"),
                options.getOrDefault("account-sid", "AC" + "0".repeat(32)),
                options.getOrDefault("from", "+14155550100"),
                required(options, "to"),
                Integer.parseInt(options.getOrDefault("utterances", "2")),
                Duration.ofMillis(Long.parseLong(options.getOrDefault("speech-ms", "1200"))),
                Duration.ofMillis(Long.parseLong(options.getOrDefault("turn-timeout-ms", "8000"))),
                Duration.ofMillis(Long.parseLong(options.getOrDefault(
                        "endpoint-ms", Long.toString(CallPlan.SIMULATED_STT_ENDPOINT.toMillis())))));
        if (args[0].equals("call")) {
            System.exit(oneCall(plan, options.get("kafka")) ? 0 : 1);
        }
        LoadRun.Summary summary = LoadRun.run(
                plan,
                Integer.parseInt(options.getOrDefault("calls", "10")),
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("ramp-up-s", "5"))));
        System.out.println(summary.describe());
        summary.errors().forEach(e -> System.out.println("  error: " + e));
        System.exit(summary.succeeded() == summary.calls() ? 0 : 1);
    }

    private static void reference(Map<String, String> options) throws Exception {
        int port = Integer.parseInt(options.getOrDefault("port", "8090"));
        ReferenceGateway gateway = ReferenceGateway.start(
                port,
                new ReferenceGateway.Settings(
                        options.getOrDefault("public-base-url", "http://localhost:" + port),
                        required(options, "auth-token"),
                        Duration.ofMillis(Long.parseLong(options.getOrDefault("answer-pause-ms", "0"))),
                        Duration.ofMillis(Long.parseLong(options.getOrDefault("answer-ms", "1000"))),
                        Duration.ofMillis(Long.parseLong(options.getOrDefault(
                                "endpoint-ms", Long.toString(CallPlan.SIMULATED_STT_ENDPOINT.toMillis()))))));
        System.out.println("reference gateway listening on " + gateway.port());
        Runtime.getRuntime().addShutdownHook(new Thread(gateway::close));
        Thread.currentThread().join();
    }

    private static boolean oneCall(CallPlan plan, String kafka) throws Exception {
        try (CallerTransport transport = CallerTransport.open()) {
            SimulatedCall call = new SimulatedCall(plan, transport);
            System.out.printf("Calling %s from %s (CallSid %s)...%n", plan.to(), plan.from(), call.callSid());
            CallResult result = call.run().get(2, TimeUnit.MINUTES);
            if (!result.streamed()) {
                System.out.println("The gateway did not connect a stream. It said: \"" + result.said() + "\"");
                return false;
            }
            System.out.printf(
                    "Call over: %d/%d turns answered, turn latency (end of speech → first agent audio) %s ms, "
                            + "of which the platform's share (after the recognizer's %d ms of silence) %s ms, "
                            + "%d agent audio frames, %d marks echoed, %d barge-in clears%s%n",
                    result.answeredTurns(),
                    result.plannedTurns(),
                    result.turnLatenciesMillis(),
                    plan.endpoint().toMillis(),
                    result.platformLatenciesMillis(),
                    result.agentAudioFrames(),
                    result.marksEchoed(),
                    result.clears(),
                    result.error() == null ? "" : ", error: " + result.error());
            if (kafka != null) {
                printEvents(CallEventsTail.eventsOf(kafka, call.callSid(), Duration.ofSeconds(20)), kafka);
            }
            return result.succeeded();
        }
    }

    private static void printEvents(List<CallEvent> events, String kafka) {
        if (events.isEmpty()) {
            System.out.println("No events of this call reached topic call-events on " + kafka);
            return;
        }
        System.out.printf(
                "%nTranscript (call %s, tenant %s):%n",
                events.get(0).callId(), events.get(0).tenantId());
        events.stream().filter(e -> e.payload() instanceof TranscriptTurn).forEach(e -> {
            TranscriptTurn turn = (TranscriptTurn) e.payload();
            System.out.printf(
                    "  %-6s %s%s%n",
                    turn.speaker().name().toLowerCase(), turn.text(), turn.interrupted() ? "  [interrupted]" : "");
        });
        System.out.printf(
                "%nEvents on topic call-events (%s), key %s:%n",
                kafka, events.get(0).callId());
        events.forEach(
                e -> System.out.printf("  seq %-7d %s%n", e.seq(), e.type().wireName()));
        events.stream()
                .filter(e -> e.payload() instanceof CallEnded)
                .findFirst()
                .ifPresent(e -> {
                    CallEnded ended = (CallEnded) e.payload();
                    System.out.printf(
                            "%nStatus %s after %d s; cost $%s (stt %s + llm %s + tts %s)%n",
                            ended.status().name().toLowerCase(),
                            ended.durationSeconds(),
                            ended.costs().total().toPlainString(),
                            ended.costs().stt().toPlainString(),
                            ended.costs().llm().toPlainString(),
                            ended.costs().tts().toPlainString());
                });
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
