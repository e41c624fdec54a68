package com.spotfunnel.voice.e2e.drills;

import com.spotfunnel.voice.e2e.ServiceProcess;
import com.spotfunnel.voice.events.Topics;
import com.spotfunnel.voice.events.tenant.TenantConfig;
import com.spotfunnel.voice.events.tenant.TenantConfigCodec;
import com.spotfunnel.voice.simulator.CallPlan;
import com.spotfunnel.voice.simulator.CallResult;
import com.spotfunnel.voice.simulator.CallerTransport;
import com.spotfunnel.voice.simulator.SimulatedCall;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The voice path of the fault drills: packaged pipeline-service and voice-gateway processes on a given broker,
 * every AI provider {@code simulated} (no fakes needed), one tenant, and simulated Twilio callers.
 */
final class SimulatedVoiceStack {

    static final String ACCOUNT_SID = "AC0000000000000000000000000000d111";
    static final String AUTH_TOKEN = "drill-auth-token-0123456789";
    static final String CALLER = "+15005550100";
    static final String NUMBER = "+15005550401";

    private SimulatedVoiceStack() {}

    /** The drill tenant on {@code tenant-config} (the pipeline's source) and in a file for the gateway. */
    static Path publishTenant(String kafka) throws Exception {
        String json = """
                {"tenantId": "drill-tenant", "version": 1, "name": "Drill dental", "industry": "dental",
                 "active": true, "phoneNumbers": ["%s"],
                 "agent": {"systemPrompt": "You are the receptionist of a dental practice.",
                   "greeting": "Thank you for calling, how can I help?", "voice": null,
                   "providers": {"stt": ["simulated"], "llm": ["simulated"], "tts": ["simulated"]},
                   "transferNumber": null, "fallbackMessages": {}, "businessHours": null},
                 "updatedAt": "2026-11-24T00:00:00Z"}
                """.formatted(NUMBER);
        TenantConfig tenant =
                TenantConfigCodec.decode(json.getBytes(StandardCharsets.UTF_8)).orElseThrow();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(
                            Topics.TENANT_CONFIG, tenant.tenantId(), TenantConfigCodec.encode(tenant)))
                    .get(30, TimeUnit.SECONDS);
        }
        Path logs = Path.of(System.getProperty("e2e.logs", "target/e2e-logs"));
        Files.createDirectories(logs);
        Path file = logs.resolve("drill-tenants.json");
        Files.write(
                file,
                ("[" + new String(TenantConfigCodec.encode(tenant), StandardCharsets.UTF_8) + "]")
                        .getBytes(StandardCharsets.UTF_8));
        return file;
    }

    static ServiceProcess startPipeline(String name, String kafka) throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
        env.put("PIPELINE_STT_PROVIDERS", "simulated");
        env.put("PIPELINE_LLM_PROVIDERS", "simulated");
        env.put("PIPELINE_TTS_PROVIDERS", "simulated");
        env.put("KNOWLEDGE_ENABLED", "false"); // no admin-api in this stack
        return ServiceProcess.start(name, "e2e.pipeline-service.jar", ServiceProcess.freePort(), env, List.of());
    }

    static ServiceProcess startGateway(
            String name, String kafka, ServiceProcess pipeline, Path tenantsFile, Duration grace) throws Exception {
        int port = ServiceProcess.freePort();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
        env.put("PUBLIC_BASE_URL", "http://127.0.0.1:" + port);
        env.put("TWILIO_ACCOUNT_SID", ACCOUNT_SID);
        env.put("TWILIO_AUTH_TOKEN", AUTH_TOKEN);
        // No fallback is expected in a drill; a Twilio REST call would fail fast here and be visible in the log.
        env.put("TWILIO_API_BASE_URL", "http://127.0.0.1:9");
        env.put("PIPELINE_URL", "ws://127.0.0.1:" + pipeline.port());
        env.put("TENANTS_FILE", tenantsFile.toAbsolutePath().toString());
        // How long live calls may go on after SIGTERM.
        env.put("SHUTDOWN_TIMEOUT", grace.toSeconds() + "s");
        return ServiceProcess.start(name, "e2e.voice-gateway.jar", port, env, List.of());
    }

    static CallPlan plan(ServiceProcess gateway, int utterances) {
        return new CallPlan(
                gateway.baseUrl(),
                AUTH_TOKEN,
                ACCOUNT_SID,
                CALLER,
                NUMBER,
                utterances,
                Duration.ofMillis(1200),
                Duration.ofSeconds(30));
    }

    /** A caller whose call is under way: the simulator and what it will experience. */
    record LiveCall(SimulatedCall call, CompletableFuture<CallResult> result) {}

    /** Starts {@code count} calls spread over {@code rampUp}; returns without waiting for them. */
    static List<LiveCall> place(CallPlan plan, int count, Duration rampUp, CallerTransport callers)
            throws InterruptedException {
        List<LiveCall> calls = new ArrayList<>();
        long gapMillis = count <= 1 ? 0 : rampUp.toMillis() / (count - 1);
        for (int i = 0; i < count; i++) {
            SimulatedCall call = new SimulatedCall(plan, callers);
            calls.add(new LiveCall(call, call.run()));
            Thread.sleep(gapMillis);
        }
        return calls;
    }
}
