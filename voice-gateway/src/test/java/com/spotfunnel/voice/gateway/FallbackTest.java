package com.spotfunnel.voice.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.spotfunnel.voice.events.CallEvent;
import com.spotfunnel.voice.events.EventType;
import com.spotfunnel.voice.events.bridge.GatewayMessage;
import com.spotfunnel.voice.events.bridge.PipelineMessage;
import com.spotfunnel.voice.events.payload.CallEnded;
import com.spotfunnel.voice.events.payload.CallStatus;
import com.spotfunnel.voice.events.payload.CallTransferred;
import com.spotfunnel.voice.events.payload.CostRecorded;
import com.spotfunnel.voice.events.payload.FailureKind;
import com.spotfunnel.voice.events.payload.FallbackPlayed;
import com.spotfunnel.voice.events.payload.ProviderFailed;
import com.spotfunnel.voice.events.payload.Severity;
import com.spotfunnel.voice.events.payload.Stage;
import com.spotfunnel.voice.events.payload.SystemError;
import com.spotfunnel.voice.gateway.fakes.CallEventsProbe;
import com.spotfunnel.voice.gateway.fakes.FakePipeline;
import com.spotfunnel.voice.gateway.fakes.FakeTwilioApi;
import com.spotfunnel.voice.gateway.fakes.GatewayFakesResource;
import com.spotfunnel.voice.gateway.fakes.MediaStreamClient;
import com.spotfunnel.voice.gateway.fakes.TwilioSimulator;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.infra.testing.PrometheusMetrics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(GatewayFakesResource.class)
class FallbackTest {

    private static final String ACME = "+15550000001";
    private static final String SOLO = "+15550000002";
    private static final String CUSTOM = "+15550000003";

    private final TwilioSimulator twilio = new TwilioSimulator();

    @AfterEach
    void twilioAnswersNormallyAgain() {
        FakeTwilioApi.get().answerNormally();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "LLM|all_llm_failed|I apologize, but I'm experiencing technical difficulties right now. Let me transfer you to someone who can help you immediately.",
                "TTS|all_tts_failed|I'm sorry, I'm having trouble with my voice system. Please hold while I transfer you to a representative.",
                "STT|stt_failed|I'm having trouble hearing you clearly. Let me connect you with someone who can help.",
                "OTHER|pipeline_error|I apologize, but something went wrong. Let me transfer you to someone who can assist you."
            })
    void anExhaustedStageSaysItsMessageAndTransfers(FailureKind kind, String errorType, String message)
            throws Exception {
        String callSid = TwilioSimulator.newCallSid();
        MediaStreamClient caller = twilio.placeCall(callSid, "+14155550200", ACME);
        FakePipeline.Call pipeline = FakePipeline.get().awaitCall(caller.callId());
        pipeline.await(GatewayMessage.CallStart.class);
        pipeline.send(new PipelineMessage.Cost(new CostRecorded(
                0, Stage.STT, "deepgram", "nova-3", new BigDecimal("2"), "audio_seconds", new BigDecimal("0.0002"))));
        pipeline.send(new PipelineMessage.ProviderFailure(
                new ProviderFailed(Stage.LLM, "openai", "http_5xx", "503 from provider", "gemini")));
        pipeline.send(new PipelineMessage.Failed(kind, "every provider failed"));

        String twiml = awaitTwimlOf(callSid);
        assertEquals(message, sayOf(twiml));
        Matcher dial =
                Pattern.compile("<Dial action=\"([^\"]+)\"[^>]*>([^<]+)</Dial>").matcher(twiml);
        assertTrue(dial.find(), twiml);
        assertEquals("+15559990001", dial.group(2));
        String action = unescape(dial.group(1));
        assertEquals(
                "https://gateway.test.example/twilio/dial-result?callId=" + caller.callId() + "&reason=fallback",
                action);
        assertFalse(twiml.contains("<Hangup/>"));
        LoggedRequest update = FakeTwilioApi.get().updatesOf(callSid).get(0);
        assertEquals(
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString((TwilioSimulator.ACCOUNT_SID + ":test-auth-token-12345")
                                        .getBytes(StandardCharsets.UTF_8)),
                update.getHeader("Authorization"));
        assertTrue(update.getUrl().startsWith("/2010-04-01/Accounts/" + TwilioSimulator.ACCOUNT_SID + "/Calls/"));
        // the pipeline is told the call left it
        assertEquals(
                "fallback", pipeline.await(GatewayMessage.CallerHangup.class).reason());

        // Twilio ends the stream once the call runs the new TwiML
        caller.stop();
        List<CallEvent> events =
                CallEventsProbe.get().awaitEvent(caller.callId(), e -> e.type() == EventType.CALL_ENDED);
        assertEquals(
                List.of(
                        EventType.CALL_STARTED,
                        EventType.COST_RECORDED,
                        EventType.PROVIDER_FAILED,
                        EventType.SYSTEM_ERROR,
                        EventType.FALLBACK_PLAYED,
                        EventType.CALL_TRANSFERRED,
                        EventType.CALL_ENDED),
                events.stream().map(CallEvent::type).toList());
        SystemError error = (SystemError) events.get(3).payload();
        assertEquals(errorType, error.errorType());
        assertEquals(Severity.ERROR, error.severity());
        FallbackPlayed played = (FallbackPlayed) events.get(4).payload();
        assertEquals(kind, played.kind());
        assertEquals(message, played.message());
        assertEquals("+15559990001", played.transferTo());
        assertEquals("initiated", ((CallTransferred) events.get(5).payload()).outcome());
        CallEnded ended = (CallEnded) events.get(6).payload();
        assertEquals(CallStatus.TRANSFERRED, ended.status());
        assertEquals("ai_failure", ended.endedReason());
        assertEquals(0, new BigDecimal("0.0002").compareTo(ended.costs().total()), "costs so far are kept");

        // Twilio reports how the transfer went, to the action URL (signed, twice: recorded once)
        String path = action.substring("https://gateway.test.example".length());
        Map<String, String> dialResult = TwilioSimulator.incomingCall(callSid, "+14155550200", ACME);
        dialResult.put("DialCallStatus", "completed");
        dialResult.put("DialCallDuration", "61");
        twilio.post(path, dialResult).then().statusCode(200);
        twilio.post(path, dialResult).then().statusCode(200);
        List<CallEvent> after = CallEventsProbe.get()
                .awaitEvent(
                        caller.callId(),
                        e -> e.payload() instanceof CallTransferred t && "completed".equals(t.outcome()));
        assertEquals(8, after.size());
        assertEquals(7, after.get(7).seq());
        assertEquals("fallback", ((CallTransferred) after.get(7).payload()).reason());
        Thread.sleep(300);
        assertEquals(8, CallEventsProbe.get().ofCall(caller.callId()).size(), "the duplicate callback adds nothing");
        PrometheusMetrics.awaitLine(
                "gateway_fallbacks_total{kind=\"" + kind.name().toLowerCase() + "\",result=\"transfer\"}");
    }

    @Test
    void withoutATransferNumberTheCallerHearsTheMessageAndTheCallHangsUp() throws Exception {
        String callSid = TwilioSimulator.newCallSid();
        MediaStreamClient caller = twilio.placeCall(callSid, "+14155550201", SOLO);
        FakePipeline.Call pipeline = FakePipeline.get().awaitCall(caller.callId());
        pipeline.await(GatewayMessage.CallStart.class);
        pipeline.send(new PipelineMessage.Failed(FailureKind.TTS, "cartesia and elevenlabs failed"));

        String twiml = awaitTwimlOf(callSid);
        assertEquals(
                "I'm sorry, I'm having trouble with my voice system. Please hold while I transfer you to a "
                        + "representative.",
                sayOf(twiml));
        assertTrue(twiml.contains("</Say><Hangup/></Response>"), twiml);
        assertFalse(twiml.contains("<Dial"));
        caller.stop();
        List<CallEvent> events =
                CallEventsProbe.get().awaitEvent(caller.callId(), e -> e.type() == EventType.CALL_ENDED);
        FallbackPlayed played = (FallbackPlayed) events.stream()
                .filter(e -> e.type() == EventType.FALLBACK_PLAYED)
                .findFirst()
                .orElseThrow()
                .payload();
        assertNull(played.transferTo());
        assertTrue(events.stream().noneMatch(e -> e.type() == EventType.CALL_TRANSFERRED));
        assertEquals(
                CallStatus.FAILED, ((CallEnded) events.get(events.size() - 1).payload()).status());
    }

    @Test
    void aTenantsOwnMessageReplacesTheDefault() throws Exception {
        String callSid = TwilioSimulator.newCallSid();
        MediaStreamClient caller = twilio.placeCall(callSid, "+14155550202", CUSTOM);
        FakePipeline.Call pipeline = FakePipeline.get().awaitCall(caller.callId());
        pipeline.await(GatewayMessage.CallStart.class);
        pipeline.send(new PipelineMessage.Failed(FailureKind.LLM, "all llm failed"));
        String twiml = awaitTwimlOf(callSid);
        assertEquals("Custom Law is sorry, connecting you to our front desk now.", sayOf(twiml));
        assertTrue(twiml.contains(">+15559990003</Dial>"), twiml);
        caller.stop();
    }

    @Test
    void aCallerWhoAsksForAPersonIsTransferred() throws Exception {
        String callSid = TwilioSimulator.newCallSid();
        MediaStreamClient caller = twilio.placeCall(callSid, "+14155550206", ACME);
        FakePipeline.Call pipeline = FakePipeline.get().awaitCall(caller.callId());
        pipeline.await(GatewayMessage.CallStart.class);
        pipeline.send(new PipelineMessage.Transfer("caller_request"));
        String twiml = awaitTwimlOf(callSid);
        assertFalse(twiml.contains("<Say>"), twiml);
        assertTrue(twiml.contains(">+15559990001</Number></Dial>"), twiml);
        assertTrue(twiml.contains("reason=caller_request"), twiml);
        caller.stop();
        // the person picks up (the <Number url>): the call's record ends as transferred
        Map<String, String> answered = TwilioSimulator.incomingCall(TwilioSimulator.newCallSid(), ACME, "+15559990001");
        answered.put("ParentCallSid", callSid);
        twilio.post("/twilio/dial-answered?callId=" + caller.callId(), answered)
                .then()
                .statusCode(200);
        List<CallEvent> events =
                CallEventsProbe.get().awaitEvent(caller.callId(), e -> e.type() == EventType.CALL_ENDED);
        CallTransferred transferred = (CallTransferred) events.stream()
                .filter(e -> e.type() == EventType.CALL_TRANSFERRED)
                .findFirst()
                .orElseThrow()
                .payload();
        assertEquals("caller_request", transferred.reason());
        CallEnded ended = (CallEnded) events.get(events.size() - 1).payload();
        assertEquals(CallStatus.TRANSFERRED, ended.status());
        assertEquals("transfer", ended.endedReason());
        assertTrue(events.stream().noneMatch(e -> e.type() == EventType.FALLBACK_PLAYED));
    }

    @Test
    void aDyingPipelineSocketGivesTheGenericMessage() throws Exception {
        String callSid = TwilioSimulator.newCallSid();
        MediaStreamClient caller = twilio.placeCall(callSid, "+14155550203", ACME);
        FakePipeline.Call pipeline = FakePipeline.get().awaitCall(caller.callId());
        pipeline.await(GatewayMessage.CallStart.class);
        pipeline.kill();
        String twiml = awaitTwimlOf(callSid);
        assertEquals(
                "I apologize, but something went wrong. Let me transfer you to someone who can assist you.",
                sayOf(twiml));
        assertTrue(twiml.contains(">+15559990001</Dial>"));
        caller.stop();
        List<CallEvent> events =
                CallEventsProbe.get().awaitEvent(caller.callId(), e -> e.type() == EventType.CALL_ENDED);
        assertTrue(events.stream()
                .anyMatch(e ->
                        e.payload() instanceof SystemError error && "pipeline_disconnected".equals(error.errorType())));
        assertEquals(
                CallStatus.TRANSFERRED,
                ((CallEnded) events.get(events.size() - 1).payload()).status());
    }

    @Test
    void twilioFailingThenSucceedingIsRetried() throws Exception {
        var server = FakeTwilioApi.get().server();
        server.resetMappings();
        server.stubFor(post(urlPathMatching(FakeTwilioApi.CALL_UPDATE))
                .inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(twilioError(500))
                .willSetStateTo("second"));
        server.stubFor(post(urlPathMatching(FakeTwilioApi.CALL_UPDATE))
                .inScenario("flaky")
                .whenScenarioStateIs("second")
                .willReturn(twilioError(503))
                .willSetStateTo("third"));
        server.stubFor(post(urlPathMatching(FakeTwilioApi.CALL_UPDATE))
                .inScenario("flaky")
                .whenScenarioStateIs("third")
                .willReturn(FakeTwilioApi.okCall()));
        String callSid = TwilioSimulator.newCallSid();
        MediaStreamClient caller = twilio.placeCall(callSid, "+14155550204", ACME);
        FakePipeline.Call pipeline = FakePipeline.get().awaitCall(caller.callId());
        pipeline.await(GatewayMessage.CallStart.class);
        pipeline.send(new PipelineMessage.Failed(FailureKind.LLM, "all llm failed"));
        CallEventsProbe.get().awaitEvent(caller.callId(), e -> e.type() == EventType.FALLBACK_PLAYED);
        assertEquals(3, FakeTwilioApi.get().updatesOf(callSid).size());
        caller.stop();
        List<CallEvent> events =
                CallEventsProbe.get().awaitEvent(caller.callId(), e -> e.type() == EventType.CALL_ENDED);
        assertTrue(events.stream()
                .noneMatch(e ->
                        e.payload() instanceof SystemError error && "twilio_update_failed".equals(error.errorType())));
    }

    @Test
    void twilioFailingForGoodIsCriticalAndTheCallRecordIsKept() throws Exception {
        var server = FakeTwilioApi.get().server();
        server.resetMappings();
        server.stubFor(post(urlPathMatching(FakeTwilioApi.CALL_UPDATE)).willReturn(twilioError(500)));
        String callSid = TwilioSimulator.newCallSid();
        MediaStreamClient caller = twilio.placeCall(callSid, "+14155550205", ACME);
        FakePipeline.Call pipeline = FakePipeline.get().awaitCall(caller.callId());
        pipeline.await(GatewayMessage.CallStart.class);
        pipeline.send(new PipelineMessage.Failed(FailureKind.STT, "deepgram down"));
        // rather than leave the caller in silence, the gateway ends the stream (which ends the call)
        assertTrue(caller.awaitClosedByGateway(Duration.ofSeconds(15)));
        List<CallEvent> events =
                CallEventsProbe.get().awaitEvent(caller.callId(), e -> e.type() == EventType.CALL_ENDED);
        assertEquals(4, FakeTwilioApi.get().updatesOf(callSid).size(), "first try + 3 retries");
        SystemError critical = events.stream()
                .map(CallEvent::payload)
                .filter(p -> p instanceof SystemError)
                .map(SystemError.class::cast)
                .filter(e -> "twilio_update_failed".equals(e.errorType()))
                .findFirst()
                .orElseThrow();
        assertEquals(Severity.CRITICAL, critical.severity());
        assertTrue(events.stream().noneMatch(e -> e.type() == EventType.FALLBACK_PLAYED));
        assertEquals(
                CallStatus.FAILED, ((CallEnded) events.get(events.size() - 1).payload()).status());
    }

    @Test
    void aCallTwilioSaysIsNoLongerInProgressIsNotRetried() throws Exception {
        var server = FakeTwilioApi.get().server();
        server.resetMappings();
        server.stubFor(post(urlPathMatching(FakeTwilioApi.CALL_UPDATE))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":21220,\"message\":\"Call is not in-progress. Cannot redirect.\","
                                + "\"more_info\":\"\",\"status\":400}")));
        String callSid = TwilioSimulator.newCallSid();
        MediaStreamClient caller = twilio.placeCall(callSid, "+14155550207", ACME);
        FakePipeline.Call pipeline = FakePipeline.get().awaitCall(caller.callId());
        pipeline.await(GatewayMessage.CallStart.class);
        pipeline.send(new PipelineMessage.Failed(FailureKind.LLM, "all llm failed"));
        assertTrue(caller.awaitClosedByGateway(Duration.ofSeconds(15)));
        List<CallEvent> events =
                CallEventsProbe.get().awaitEvent(caller.callId(), e -> e.type() == EventType.CALL_ENDED);
        assertEquals(1, FakeTwilioApi.get().updatesOf(callSid).size(), "a 4xx is final: no retry");
        assertTrue(events.stream()
                .anyMatch(e ->
                        e.payload() instanceof SystemError error && "twilio_update_failed".equals(error.errorType())));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder twilioError(int status) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":20500,\"message\":\"Internal Server Error\",\"more_info\":\"\",\"status\":"
                        + status + "}");
    }

    private static String awaitTwimlOf(String callSid) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .until(() -> !FakeTwilioApi.get().updatesOf(callSid).isEmpty());
        List<LoggedRequest> updates = FakeTwilioApi.get().updatesOf(callSid);
        return FakeTwilioApi.form(updates.get(updates.size() - 1)).get("Twiml");
    }

    private static String sayOf(String twiml) {
        Matcher say = Pattern.compile("<Say>([^<]*)</Say>").matcher(twiml);
        assertTrue(say.find(), twiml);
        return unescape(say.group(1));
    }

    private static String unescape(String xml) {
        return xml.replace("&apos;", "'")
                .replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
