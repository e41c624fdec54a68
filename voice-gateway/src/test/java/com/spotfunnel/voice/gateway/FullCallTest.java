package com.spotfunnel.voice.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.spotfunnel.voice.events.CallEvent;
import com.spotfunnel.voice.events.EventType;
import com.spotfunnel.voice.events.bridge.GatewayMessage;
import com.spotfunnel.voice.events.bridge.PipelineMessage;
import com.spotfunnel.voice.events.payload.CallEnded;
import com.spotfunnel.voice.events.payload.CallStarted;
import com.spotfunnel.voice.events.payload.CallStatus;
import com.spotfunnel.voice.events.payload.CostRecorded;
import com.spotfunnel.voice.events.payload.Speaker;
import com.spotfunnel.voice.events.payload.Stage;
import com.spotfunnel.voice.events.payload.TranscriptTurn;
import com.spotfunnel.voice.gateway.fakes.CallEventsProbe;
import com.spotfunnel.voice.gateway.fakes.FakePipeline;
import com.spotfunnel.voice.gateway.fakes.GatewayFakesResource;
import com.spotfunnel.voice.gateway.fakes.MediaStreamClient;
import com.spotfunnel.voice.gateway.fakes.TwilioSimulator;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import com.spotfunnel.voice.infra.testing.PrometheusMetrics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(GatewayFakesResource.class)
class FullCallTest {

    private final TwilioSimulator twilio = new TwilioSimulator();

    @Test
    void aWholeCallFlowsBothWaysAndEndsAsEventsOnTheBroker() throws Exception {
        String callSid = TwilioSimulator.newCallSid();
        MediaStreamClient caller = twilio.placeCall(callSid, "+14155550100", "+15550000001");
        FakePipeline.Call pipeline = FakePipeline.get().awaitCall(caller.callId());

        GatewayMessage.CallStart start = pipeline.await(GatewayMessage.CallStart.class);
        assertEquals(caller.callId(), start.callId());
        assertEquals("t-acme", start.tenantId());
        assertEquals(callSid, start.callSid());
        assertEquals(caller.streamSid(), start.streamSid());
        assertEquals("+14155550100", start.callerPhone());
        assertEquals("+15550000001", start.dialedNumber());

        // caller audio reaches the pipeline byte for byte, as binary frames
        byte[] speech = new byte[160 * 5];
        for (int i = 0; i < speech.length; i++) {
            speech[i] = (byte) (i * 7);
        }
        for (int frame = 0; frame < 5; frame++) {
            caller.media(java.util.Arrays.copyOfRange(speech, frame * 160, frame * 160 + 160));
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> pipeline.audioFrames() == 5);
        assertArrayEquals(speech, pipeline.audioReceived());

        // the caller's turn, then the agent's answer reaches the caller, followed by a mark
        pipeline.send(new PipelineMessage.Transcript(
                new TranscriptTurn(0, Speaker.CALLER, "Can I book a cleaning?", 0, 1200, false)));
        byte[] answer = new byte[480];
        IntStream.range(0, answer.length).forEach(i -> answer[i] = (byte) (0x7f - i));
        pipeline.send(new PipelineMessage.AgentAudio("utt-1", java.util.Arrays.copyOfRange(answer, 0, 320), false));
        pipeline.send(new PipelineMessage.AgentAudio("utt-1", java.util.Arrays.copyOfRange(answer, 320, 480), true));
        JsonNode media = caller.await("media");
        assertEquals(caller.streamSid(), media.path("streamSid").asText());
        JsonNode mark = caller.await("mark");
        assertEquals("utt-1", mark.path("mark").path("name").asText());
        assertArrayEquals(answer, caller.agentAudio());
        // the simulator echoed the mark: the pipeline learns the caller heard it all
        assertEquals("utt-1", pipeline.await(GatewayMessage.Played.class).utteranceId());

        pipeline.send(new PipelineMessage.Transcript(
                new TranscriptTurn(1, Speaker.AGENT, "Sure, when suits you?", 1300, 900, false)));
        pipeline.send(new PipelineMessage.Cost(new CostRecorded(
                0, Stage.STT, "deepgram", "nova-3", new BigDecimal("1.2"), "audio_seconds", new BigDecimal("0.0001"))));
        pipeline.send(new PipelineMessage.Cost(new CostRecorded(
                1,
                Stage.LLM,
                "openai",
                "gpt-4o-mini",
                new BigDecimal("300"),
                "prompt_tokens",
                new BigDecimal("0.0020"))));
        pipeline.send(new PipelineMessage.Cost(new CostRecorded(
                1, Stage.TTS, "cartesia", "sonic-2", new BigDecimal("21"), "characters", new BigDecimal("0.0030"))));

        // barge-in: the pipeline says clear, Twilio gets clear at once
        pipeline.send(new PipelineMessage.AgentAudio("utt-2", new byte[160], false));
        pipeline.send(new PipelineMessage.Clear("caller_speech"));
        caller.await("clear");

        caller.dtmf("5");
        assertEquals("5", pipeline.await(GatewayMessage.Dtmf.class).digit());
        // a provider's time to first byte, as the pipeline reports it: a per-call metric here, not an event
        pipeline.send(new PipelineMessage.StageLatency(Stage.LLM, "fake-llm", 240));

        caller.stop();
        assertEquals(
                "caller_hangup",
                pipeline.await(GatewayMessage.CallerHangup.class).reason());

        List<CallEvent> events =
                CallEventsProbe.get().awaitEvent(caller.callId(), e -> e.type() == EventType.CALL_ENDED);
        assertEquals(
                List.of(
                        EventType.CALL_STARTED,
                        EventType.TRANSCRIPT_TURN,
                        EventType.TRANSCRIPT_TURN,
                        EventType.COST_RECORDED,
                        EventType.COST_RECORDED,
                        EventType.COST_RECORDED,
                        EventType.CALL_ENDED),
                events.stream().map(CallEvent::type).toList());
        for (int i = 0; i < events.size(); i++) {
            assertEquals(i, events.get(i).seq(), "seq increases from 0 without gaps");
            assertEquals("t-acme", events.get(i).tenantId());
        }
        CallStarted started = (CallStarted) events.get(0).payload();
        assertEquals(callSid, started.callSid());
        assertEquals("inbound", started.direction());
        CallEnded ended = (CallEnded) events.get(events.size() - 1).payload();
        assertEquals(CallStatus.COMPLETED, ended.status());
        assertEquals("caller_hangup", ended.endedReason());
        assertEquals(0, new BigDecimal("0.0001").compareTo(ended.costs().stt()));
        assertEquals(0, new BigDecimal("0.0051").compareTo(ended.costs().total()));
        assertTrue(CallEventsProbe.get().keyedByCallId(caller.callId()));

        PrometheusMetrics.awaitLine("gateway_active_calls 0.0");
        PrometheusMetrics.awaitLine("gateway_turn_latency_seconds_count 1.0");
        PrometheusMetrics.awaitLine(
                "gateway_provider_first_byte_seconds_count{provider=\"fake-llm\",stage=\"llm\"} 1.0");
        PrometheusMetrics.awaitLine(
                "gateway_provider_first_byte_seconds_sum{provider=\"fake-llm\",stage=\"llm\"} 0.24");
    }

    @Test
    void agentGoodbyeHangsUpAfterTheLastWordsPlayed() throws Exception {
        MediaStreamClient caller = twilio.placeCall(TwilioSimulator.newCallSid(), "+14155550101", "+15550000001");
        FakePipeline.Call pipeline = FakePipeline.get().awaitCall(caller.callId());
        pipeline.await(GatewayMessage.CallStart.class);
        caller.echoMarks(false);
        pipeline.send(new PipelineMessage.AgentAudio("bye", Base64.getDecoder().decode("f39/fw=="), true));
        pipeline.send(new PipelineMessage.Hangup("goodbye"));
        caller.await("mark");
        // not yet: the goodbye has not been heard
        assertTrue(!caller.awaitClosedByGateway(Duration.ofMillis(300)));
        caller.mark("bye");
        assertTrue(caller.awaitClosedByGateway(Duration.ofSeconds(5)), "the gateway ends the stream, ending the call");
        CallEnded ended = (CallEnded)
                CallEventsProbe.get().awaitEvent(caller.callId(), e -> e.type() == EventType.CALL_ENDED).stream()
                        .filter(e -> e.type() == EventType.CALL_ENDED)
                        .findFirst()
                        .orElseThrow()
                        .payload();
        assertEquals(CallStatus.COMPLETED, ended.status());
        assertEquals("agent_goodbye", ended.endedReason());
    }

    @Test
    void aCallerWhoHangsUpWithoutStopIsCleanedUp() throws Exception {
        MediaStreamClient caller = twilio.placeCall(TwilioSimulator.newCallSid(), "+14155550102", "+15550000001");
        FakePipeline.Call pipeline = FakePipeline.get().awaitCall(caller.callId());
        pipeline.await(GatewayMessage.CallStart.class);
        caller.abort();
        assertEquals(
                "caller_hangup",
                pipeline.await(GatewayMessage.CallerHangup.class).reason());
        CallEnded ended = (CallEnded)
                CallEventsProbe.get().awaitEvent(caller.callId(), e -> e.type() == EventType.CALL_ENDED).stream()
                        .filter(e -> e.type() == EventType.CALL_ENDED)
                        .findFirst()
                        .orElseThrow()
                        .payload();
        assertEquals(CallStatus.ABANDONED, ended.status(), "the caller never spoke");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(pipeline::isClosed);
    }

    @Test
    void aFinalStatusCallbackEndsAStreamThatNeverStopped() throws Exception {
        String callSid = TwilioSimulator.newCallSid();
        MediaStreamClient caller = twilio.placeCall(callSid, "+14155550103", "+15550000001");
        FakePipeline.Call pipeline = FakePipeline.get().awaitCall(caller.callId());
        pipeline.await(GatewayMessage.CallStart.class);
        var completed = TwilioSimulator.incomingCall(callSid, "+14155550103", "+15550000001");
        completed.put("CallStatus", "completed");
        completed.put("CallDuration", "3");
        completed.put("SequenceNumber", "2");
        twilio.post("/twilio/status", completed).then().statusCode(200);
        pipeline.await(GatewayMessage.CallerHangup.class);
        assertTrue(caller.awaitClosedByGateway(Duration.ofSeconds(5)));
        List<CallEvent> events =
                CallEventsProbe.get().awaitEvent(caller.callId(), e -> e.type() == EventType.CALL_ENDED);
        assertEquals(
                1, events.stream().filter(e -> e.type() == EventType.CALL_ENDED).count());
    }
}
