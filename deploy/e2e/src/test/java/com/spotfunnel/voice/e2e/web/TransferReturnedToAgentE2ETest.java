package com.spotfunnel.voice.e2e.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.spotfunnel.voice.e2e.ServiceProcess;
import com.spotfunnel.voice.e2e.WholeCallFakes;
import com.spotfunnel.voice.events.tenant.TenantConfig;
import com.spotfunnel.voice.simulator.CallEventsTail;
import com.spotfunnel.voice.simulator.CallPlan;
import com.spotfunnel.voice.simulator.CallResult;
import com.spotfunnel.voice.simulator.CallerTransport;
import com.spotfunnel.voice.simulator.SimulatedCall;
import com.spotfunnel.voice.simulator.StreamInstructions;
import com.spotfunnel.voice.simulator.TwilioSignature;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 as a caller lives it, through the packaged voice-gateway, pipeline-service and dashboard-api on a real
 * Kafka broker and PostgreSQL, with Keycloak signing the tenant user in: the caller asks for a person; the fake
 * Twilio runs the {@code <Dial>} the gateway gave it (the stream stops) and reports it as not answered to the Dial's
 * action, signed, with DialCallStatus and the call's CallSid; the caller comes back on a new stream (a new
 * {@code start}, new streamSid, same CallSid), leaves a message; and the tenant's user sees the call on the dashboard
 * with the transfer's outcome, returned to the agent, and an open action item carrying the message.
 *
 * <p>On code without the return to the agent the Dial's action answered {@code <Hangup/>}: there is no stream to
 * come back on, and the test fails at that step.
 */
class TransferReturnedToAgentE2ETest {

    private static final String TENANT = "demo-tenant"; // the realm's demo-customer belongs to it
    private static final String NUMBER = "+15005550288";
    private static final String TRANSFER_TO = "+15005550388";
    private static final String CALLER = "+15005550188";
    /** What the simulated recognizer hears the caller say, on each stream. */
    private static final String SAID =
            "Can I talk to a real person please it's Kim Lee on 0412 345 678 about a" + " leaking boiler";

    static WebStack stack;
    static WireMockServer providers;
    static WireMockServer twilio;
    static final List<ServiceProcess> processes = new ArrayList<>();
    static ServiceProcess gateway;
    static ServiceProcess dashboard;
    static CallerTransport callers;

    @BeforeAll
    static void startStack() throws Exception {
        stack = WebStack.start("spotfunnel_e2e_transfer");
        WholeCallFakes.useKafka(stack.kafka);
        providers = new WireMockServer(options()
                .dynamicPort()
                .bindAddress("127.0.0.1")
                .containerThreads(20)
                .asynchronousResponseEnabled(true));
        providers.start();
        // The post-call analysis, matched only when the message the caller left on the new stream is in the transcript.
        String analysis = "{\\\"summary\\\":\\\"Kim Lee asked for a person; nobody answered. Kim's boiler is leaking,"
                + " call back on 0412 345 678.\\\",\\\"reasonForCalling\\\":\\\"leaking boiler\\\",\\\"outcome\\\":"
                + "\\\"callback_requested\\\",\\\"capturedData\\\":{\\\"name\\\":\\\"Kim Lee\\\",\\\"phone\\\":"
                + "\\\"0412 345 678\\\"},\\\"requiresAction\\\":true,\\\"priority\\\":\\\"high\\\"}";
        providers.stubFor(WholeCallFakes.openAi()
                .withRequestBody(containing("You analyse a finished phone call"))
                .withRequestBody(containing("Kim Lee on 0412 345 678"))
                .willReturn(WholeCallFakes.sse(WholeCallFakes.openAiSse(analysis))));
        twilio = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        twilio.start();
        WholeCallFakes.useTwilio(twilio);
        twilio.stubFor(post(urlPathMatching("/2010-04-01/Accounts/[^/]+/Calls/[^/]+\\.json"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\":\"CA00000000000000000000000000000000\",\"account_sid\":\""
                                + WholeCallFakes.ACCOUNT_SID + "\",\"status\":\"in-progress\"}")));

        TenantConfig tenant = WholeCallFakes.tenant(TENANT, NUMBER, TRANSFER_TO);
        // newer than any demo-tenant another suite of this run published on the shared broker
        tenant = new TenantConfig(
                tenant.tenantId(),
                System.currentTimeMillis(),
                tenant.name(),
                tenant.industry(),
                tenant.active(),
                tenant.phoneNumbers(),
                tenant.agent(),
                tenant.updatedAt());
        List<TenantConfig> tenants = List.of(tenant);
        WholeCallFakes.publish(tenants);
        Path tenantsFile = WebStack.LOGS.resolve("transfer-tenants.json");
        Files.write(tenantsFile, WholeCallFakes.tenantsJson(tenants));

        Map<String, String> pipelineEnv = WholeCallFakes.pipelineEnv("http://127.0.0.1:" + providers.port());
        ServiceProcess pipeline = start(
                "pipeline-transfer",
                "e2e.pipeline-service.jar",
                ServiceProcess.freePort(),
                pipelineEnv,
                List.of("-Dpipeline.providers.simulated.stt.script=" + SAID));
        int gatewayPort = ServiceProcess.freePort();
        gateway = start(
                "gateway-transfer",
                "e2e.voice-gateway.jar",
                gatewayPort,
                WholeCallFakes.gatewayEnv(gatewayPort, pipeline, tenantsFile),
                List.of());
        int dashboardPort = ServiceProcess.freePort();
        dashboard = start("dashboard-transfer", "e2e.dashboard-api.jar", dashboardPort, stack.serviceEnv(), List.of());
        stack.awaitOidc();
        for (ServiceProcess process : processes) {
            process.awaitReady(WebStack.READY);
        }
        callers = CallerTransport.open();
    }

    static ServiceProcess start(String name, String jar, int port, Map<String, String> env, List<String> jvm)
            throws Exception {
        ServiceProcess process = ServiceProcess.start(name, jar, port, env, jvm);
        processes.add(process);
        return process;
    }

    @AfterAll
    static void stopStack() {
        for (ServiceProcess process : processes) {
            process.close();
        }
        if (providers != null) {
            providers.stop();
        }
        if (twilio != null) {
            twilio.stop();
            WholeCallFakes.useTwilio(null);
        }
        if (callers != null) {
            callers.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aTransferNobodyAnswersBringsTheCallerBackToTheAgentAndTheMessageIsAnActionItem() throws Exception {
        // 1. The caller asks for a person; the agent announces the transfer and the gateway gives Twilio the <Dial>.
        SimulatedCall call = new SimulatedCall(plan(), callers);
        CallResult first = call.run().get(60, TimeUnit.SECONDS);
        assertEquals(null, first.error(), "first stream: " + first);
        String dial = awaitDialOf(call.callSid());
        assertTrue(dial.contains(TRANSFER_TO), dial);
        String action = unescapeXml(match(dial, "action=\"([^\"]+)\""));
        assertTrue(action.startsWith(gateway.baseUrl() + "/twilio/dial-result?callId="), action);
        assertTrue(action.endsWith("&reason=caller_request"), "the transfer the caller asked for: " + action);
        String callId = java.net.URLDecoder.decode(match(action, "callId=([^&]+)"), StandardCharsets.UTF_8);

        // 2. Twilio: the Dial rang out. Its action callback, signed, carries the call's parameters and DialCallStatus.
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", WholeCallFakes.ACCOUNT_SID);
        params.put("CallSid", call.callSid());
        params.put("From", CALLER);
        params.put("To", NUMBER);
        params.put("Direction", "inbound");
        params.put("CallStatus", "in-progress");
        params.put("DialCallStatus", "no-answer");
        params.put("DialCallSid", "CA" + "1".repeat(32));
        params.put("DialCallDuration", "0");
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(action))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header(
                                        "X-Twilio-Signature",
                                        TwilioSignature.sign(WholeCallFakes.AUTH_TOKEN, action, params))
                                .POST(HttpRequest.BodyPublishers.ofString(form(params)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        StreamInstructions back = StreamInstructions.parse(answer.body());
        assertTrue(
                back.streamUrl().isPresent(),
                () -> "the caller is given back to the agent, not hung up on: " + answer.body() + "; the call so far: "
                        + CallEventsTail.eventsOf(stack.kafka, call.callSid(), Duration.ofSeconds(5)));
        assertEquals(callId, back.parameters().get("callId"), "the same call");
        assertEquals("no-answer", back.parameters().get("resume"));

        // 3. Twilio opens the new stream (same CallSid, new streamSid); the agent apologises, the caller leaves a
        // message.
        CallResult second = SimulatedCall.continuing(plan(), callers, call.callSid(), answer.body())
                .run()
                .get(60, TimeUnit.SECONDS);
        assertEquals(null, second.error(), "second stream: " + second);
        assertTrue(second.streamed(), "the new stream connected");
        assertTrue(second.agentAudioFrames() > 0, "the caller heard the agent again");
        assertEquals(1, second.answeredTurns(), "the agent answered the message");

        // 4. The tenant's user sees the call: returned to the agent after no-answer, an open action item with the
        // message.
        JsonNode detail = awaitCallDetail(callId);
        assertEquals("no-answer", detail.path("transferOutcome").asText(), detail.toString());
        assertTrue(detail.path("transferReturnedToAgent").asBoolean(), detail.toString());
        assertEquals(TRANSFER_TO, detail.path("transferredTo").asText(), detail.toString());
        assertEquals("completed", detail.path("status").asText(), "the call went on with the agent: " + detail);
        assertTrue(detail.path("action").path("requiresAction").asBoolean(), "an open action item: " + detail);
        assertEquals("Kim Lee", detail.path("capturedData").path("name").asText(), detail.toString());
        assertEquals("0412 345 678", detail.path("capturedData").path("phone").asText(), detail.toString());
        assertEquals(
                "no-answer",
                detail.path("capturedData").path("messageTakenBecause").asText(),
                detail.toString());
        assertTrue(detail.path("summary").asText().contains("leaking"), detail.toString());
        String transcript = detail.path("transcript").toString();
        assertTrue(transcript.contains("nobody could take your call just now"), "the agent's apology: " + transcript);
        JsonNode open = get("/api/v1/action-items");
        assertTrue(open.toString().contains(callId), "the open action items list the call: " + open);
    }

    private static CallPlan plan() {
        return new CallPlan(
                gateway.baseUrl(),
                WholeCallFakes.AUTH_TOKEN,
                WholeCallFakes.ACCOUNT_SID,
                CALLER,
                NUMBER,
                1,
                Duration.ofMillis(1200),
                Duration.ofSeconds(15));
    }

    private static String awaitDialOf(String callSid) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            List<LoggedRequest> updates = twilio.findAll(
                    postRequestedFor(urlPathMatching("/2010-04-01/Accounts/[^/]+/Calls/" + callSid + "\\.json")));
            for (LoggedRequest update : updates) {
                String twiml = WholeCallFakes.form(update).get("Twiml");
                if (twiml != null && twiml.contains("Dial")) {
                    return unescapeXml(twiml);
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the gateway never gave Twilio a <Dial> for " + callSid);
    }

    private static JsonNode awaitCallDetail(String callId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        JsonNode detail = null;
        while (System.nanoTime() < deadline) {
            detail = get("/api/v1/calls/" + callId);
            if (detail != null
                    && detail.path("action").path("requiresAction").asBoolean()
                    && !detail.path("transferOutcome").isMissingNode()
                    && "no-answer".equals(detail.path("transferOutcome").asText())
                    && detail.hasNonNull("summary")) {
                return detail;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("dashboard-api never showed the analysed call " + callId + ": " + detail);
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + dashboard.port() + path))
                                .header("Authorization", "Bearer " + stack.keycloak.accessToken("demo-customer"))
                                .timeout(Duration.ofSeconds(30))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? new ObjectMapper().readTree(response.body()) : null;
    }

    private static String match(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertTrue(matcher.find(), regex + " in " + text);
        assertNotNull(matcher.group(1));
        return matcher.group(1);
    }

    private static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String unescapeXml(String xml) {
        return WholeCallFakes.unescapeXml(xml);
    }
}
