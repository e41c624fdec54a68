package com.spotfunnel.voice.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.spotfunnel.voice.events.CallEvent;
import com.spotfunnel.voice.events.payload.CallAnalyzed;
import com.spotfunnel.voice.events.tenant.TenantConfig;
import com.spotfunnel.voice.infra.kafka.SharedKafkaBroker;
import com.spotfunnel.voice.simulator.CallEventsTail;
import com.spotfunnel.voice.simulator.CallPlan;
import com.spotfunnel.voice.simulator.CallResult;
import com.spotfunnel.voice.simulator.CallerTransport;
import com.spotfunnel.voice.simulator.SimulatedCall;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The launch checklist's "second call from the same number, the bot has context from the previous call", with two
 * packaged pipeline-service instances on one PostgreSQL and one Kafka broker: the first call is answered by one,
 * the second by the other, and the second still knows the first (docs/pipeline.md "Caller history").
 */
class CallerHistoryTwoPipelinesE2ETest {

    static final String ANALYSIS_PROMPT = "You analyse a finished phone call";
    static final String CALLER = "+15005550177";
    static final String NUMBER = "+15005550277";
    static final String SUMMARY = "Kim reported a leaking boiler and asked for a plumber to call back.";

    static String kafka;
    static WireMockServer providers;
    static final List<ServiceProcess> processes = new ArrayList<>();
    static ServiceProcess gatewayA;
    static ServiceProcess gatewayB;
    static CallerTransport callers;

    @BeforeAll
    static void startTwoStacks() throws Exception {
        kafka = SharedKafkaBroker.bootstrapServers();
        providers = new WireMockServer(options()
                .dynamicPort()
                .bindAddress("127.0.0.1")
                .containerThreads(20)
                .asynchronousResponseEnabled(true));
        providers.start();
        String analysis = ("{\\\"summary\\\":\\\"" + SUMMARY + "\\\",\\\"reasonForCalling\\\":\\\"leaking boiler\\\","
                + "\\\"outcome\\\":\\\"callback_requested\\\",\\\"capturedData\\\":{},\\\"requiresAction\\\":true,"
                + "\\\"priority\\\":\\\"high\\\"}");
        providers.stubFor(WholeCallE2ETest.openAi()
                .withRequestBody(containing(ANALYSIS_PROMPT))
                .atPriority(1)
                .willReturn(WholeCallE2ETest.sse(WholeCallE2ETest.openAiSse(analysis))));
        providers.stubFor(WholeCallE2ETest.openAi()
                .atPriority(5)
                .willReturn(WholeCallE2ETest.sse(WholeCallE2ETest.openAiSse("We can send a plumber."))));
        WireMockServer twilio = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        twilio.start();
        WholeCallE2ETest.twilio = twilio; // gatewayEnv points the gateways at it
        twilio.stubFor(post(urlPathMatching(WholeCallE2ETest.CALL_UPDATE))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\":\"CA00000000000000000000000000000000\",\"status\":\"in-progress\"}")));

        String tenantId = "e2e-history-" + UUID.randomUUID().toString().substring(0, 8);
        List<TenantConfig> tenants = List.of(WholeCallE2ETest.tenant(tenantId, NUMBER, "+15005550377"));
        WholeCallE2ETest.kafka = kafka;
        WholeCallE2ETest.publish(tenants);
        Path logs = Path.of(System.getProperty("e2e.logs", "target/e2e-logs"));
        Files.createDirectories(logs);
        Path tenantsFile = logs.resolve("history-tenants.json");
        Files.write(tenantsFile, WholeCallE2ETest.tenantsJson(tenants));

        ServiceProcess pipelineA = pipeline("pipeline-history-a");
        ServiceProcess pipelineB = pipeline("pipeline-history-b");
        gatewayA = gateway("gateway-history-a", pipelineA, tenantsFile);
        gatewayB = gateway("gateway-history-b", pipelineB, tenantsFile);
        for (ServiceProcess process : processes) {
            process.awaitReady(Duration.ofSeconds(90));
        }
        callers = CallerTransport.open();
    }

    static ServiceProcess pipeline(String name) throws Exception {
        Map<String, String> env = WholeCallE2ETest.pipelineEnv("http://127.0.0.1:" + providers.port());
        // What is tested is that the other instance knows the first call, not the 150 ms budget on a loaded machine.
        env.put("CALLER_HISTORY_BUDGET", "5s");
        // Both instances use ServiceProcess' database: the same schema `pipeline`, as pods of one deployment do.
        ServiceProcess process = ServiceProcess.start(
                name, "e2e.pipeline-service.jar", ServiceProcess.freePort(), env, WholeCallE2ETest.llmGuards());
        processes.add(process);
        return process;
    }

    static ServiceProcess gateway(String name, ServiceProcess pipeline, Path tenantsFile) throws Exception {
        int port = ServiceProcess.freePort();
        ServiceProcess process = ServiceProcess.start(
                name,
                "e2e.voice-gateway.jar",
                port,
                WholeCallE2ETest.gatewayEnv(port, pipeline, tenantsFile),
                List.of());
        processes.add(process);
        return process;
    }

    @AfterAll
    static void stop() {
        for (ServiceProcess process : processes) {
            process.close();
        }
        if (providers != null) {
            providers.stop();
        }
        if (WholeCallE2ETest.twilio != null) {
            WholeCallE2ETest.twilio.stop();
            WholeCallE2ETest.twilio = null;
        }
        if (callers != null) {
            callers.close();
        }
    }

    @Test
    void theSecondCallLandsOnTheOtherPipelineAndStillKnowsTheFirst() throws Exception {
        SimulatedCall first = call(gatewayA);
        CallAnalyzed analyzed = awaitAnalysis(first.callSid());
        assertEquals(SUMMARY, analyzed.summary());
        // Pipeline A never had the summary in a prompt: it did not exist while A answered.
        providers.verify(
                0,
                postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                        .withRequestBody(notContaining(ANALYSIS_PROMPT))
                        .withRequestBody(containing(SUMMARY)));

        call(gatewayB); // through the other gateway to the other pipeline instance

        providers.verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + WholeCallE2ETest.OPENAI_KEY))
                .withRequestBody(notContaining(ANALYSIS_PROMPT))
                .withRequestBody(containing("This caller has called before (1 recent call"))
                .withRequestBody(containing(SUMMARY + " Outcome: callback requested."))
                .withRequestBody(containing("Follow-up by the staff was requested.")));
    }

    static SimulatedCall call(ServiceProcess gateway) throws Exception {
        CallPlan plan = new CallPlan(
                gateway.baseUrl(),
                WholeCallE2ETest.AUTH_TOKEN,
                WholeCallE2ETest.ACCOUNT_SID,
                CALLER,
                NUMBER,
                1,
                Duration.ofMillis(1200),
                Duration.ofSeconds(10));
        SimulatedCall call = new SimulatedCall(plan, callers);
        CallResult result = call.run().get(45, TimeUnit.SECONDS);
        assertEquals(null, result.error(), "call error");
        // When the answer is missing, say whether the LLM was asked and whether the gateway fell back (its fallback
        // redirects the call through Twilio's REST API, which the simulated caller does not hear).
        assertEquals(
                1,
                result.answeredTurns(),
                () -> "the agent answered the caller (LLM requests so far: "
                        + providers
                                .countRequestsMatching(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                                        .build())
                                .getCount()
                        + ", Twilio call updates so far: "
                        + WholeCallE2ETest.twilio
                                .countRequestsMatching(postRequestedFor(urlPathMatching(WholeCallE2ETest.CALL_UPDATE))
                                        .build())
                                .getCount()
                        + ")");
        return call;
    }

    static CallAnalyzed awaitAnalysis(String callSid) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            List<CallEvent> events = CallEventsTail.eventsOf(kafka, callSid, Duration.ofSeconds(5));
            for (CallEvent event : events) {
                if (event.payload() instanceof CallAnalyzed analyzed) {
                    return analyzed;
                }
            }
        }
        assertTrue(false, "no CallAnalyzed for " + callSid);
        return null;
    }
}
