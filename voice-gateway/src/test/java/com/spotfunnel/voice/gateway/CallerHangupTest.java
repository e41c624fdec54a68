package com.spotfunnel.voice.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spotfunnel.voice.events.CallEvent;
import com.spotfunnel.voice.events.EventType;
import com.spotfunnel.voice.events.bridge.GatewayMessage;
import com.spotfunnel.voice.events.bridge.PipelineMessage;
import com.spotfunnel.voice.events.payload.CallEnded;
import com.spotfunnel.voice.events.payload.CallStatus;
import com.spotfunnel.voice.events.payload.CostRecorded;
import com.spotfunnel.voice.events.payload.FailureKind;
import com.spotfunnel.voice.events.payload.Speaker;
import com.spotfunnel.voice.events.payload.Stage;
import com.spotfunnel.voice.events.payload.TranscriptTurn;
import com.spotfunnel.voice.gateway.config.GatewayConfig;
import com.spotfunnel.voice.gateway.fakes.CallEventsProbe;
import com.spotfunnel.voice.gateway.fakes.FakePipeline;
import com.spotfunnel.voice.gateway.fakes.GatewayFakesResource;
import com.spotfunnel.voice.gateway.fakes.MediaStreamClient;
import com.spotfunnel.voice.gateway.fakes.TwilioSimulator;
import com.spotfunnel.voice.infra.testing.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** A caller hang-up: the pipeline's last words (transcript turn, costs) still make it into the call's record. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(GatewayFakesResource.class)
class CallerHangupTest {

    @Inject
    GatewayConfig config;

    private final TwilioSimulator twilio = new TwilioSimulator();

    @Test
    void thePipelinesLastTurnAndCostComeBeforeCallEnded() throws Exception {
        MediaStreamClient caller = twilio.placeCall(TwilioSimulator.newCallSid(), "+14155550600", "+15550000001");
        FakePipeline.Call pipeline = FakePipeline.get().awaitCall(caller.callId());
        pipeline.await(GatewayMessage.CallStart.class);
        // like pipeline-service: on CallerHangup, the agent turn in flight (cut off) and its bill, then close
        pipeline.onCallerHangup(
                true,
                new PipelineMessage.AgentAudio("utt-1", new byte[160], false),
                new PipelineMessage.Transcript(
                        new TranscriptTurn(1, Speaker.AGENT, "Our next opening is Tuesday", 1300, 700, true)),
                new PipelineMessage.Cost(new CostRecorded(
                        1,
                        Stage.TTS,
                        "cartesia",
                        "sonic-2",
                        new BigDecimal("27"),
                        "characters",
                        new BigDecimal("0.0030"))));

        pipeline.send(new PipelineMessage.Transcript(
                new TranscriptTurn(0, Speaker.CALLER, "When are you open?", 0, 1200, false)));
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
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> CallEventsProbe.get().ofCall(caller.callId()).size() == 4);

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
                        EventType.COST_RECORDED,
                        EventType.COST_RECORDED,
                        EventType.TRANSCRIPT_TURN,
                        EventType.COST_RECORDED,
                        EventType.CALL_ENDED),
                events.stream().map(CallEvent::type).toList());
        for (int i = 0; i < events.size(); i++) {
            assertEquals(i, events.get(i).seq(), "seq increases from 0 without gaps");
        }
        TranscriptTurn last = (TranscriptTurn) events.get(4).payload();
        assertEquals(Speaker.AGENT, last.speaker());
        assertEquals("Our next opening is Tuesday", last.text());
        assertTrue(last.interrupted());
        assertEquals(Stage.TTS, ((CostRecorded) events.get(5).payload()).stage());

        CallEnded ended = (CallEnded) events.get(6).payload();
        assertEquals(CallStatus.COMPLETED, ended.status());
        assertEquals("caller_hangup", ended.endedReason());
        assertEquals(0, new BigDecimal("0.0001").compareTo(ended.costs().stt()));
        assertEquals(0, new BigDecimal("0.0020").compareTo(ended.costs().llm()));
        assertEquals(0, new BigDecimal("0.0030").compareTo(ended.costs().tts()), "the late TTS cost is counted");
        assertEquals(0, new BigDecimal("0.0051").compareTo(ended.costs().total()), "total = stt + llm + tts");

        // the pipeline's close ended the wait, not the drain timeout
        Duration afterLastTurn =
                Duration.between(events.get(4).occurredAt(), events.get(6).occurredAt());
        assertTrue(
                afterLastTurn.compareTo(config.pipelineDrainTimeout().dividedBy(2)) < 0,
                "CallEnded " + afterLastTurn.toMillis() + " ms after the last turn");
        assertTrue(caller.awaitClosedByGateway(Duration.ofSeconds(5)));
    }

    @Test
    void afterAFallbackThePipelinesLastCostsStayOnTheCallsRecord() throws Exception {
        MediaStreamClient caller = twilio.placeCall(TwilioSimulator.newCallSid(), "+14155550602", "+15550000001");
        FakePipeline.Call pipeline = FakePipeline.get().awaitCall(caller.callId());
        pipeline.await(GatewayMessage.CallStart.class);
        // like pipeline-service: on CallerHangup("fallback"), the caller audio not yet billed, then close
        pipeline.onCallerHangup(
                true,
                new PipelineMessage.Cost(new CostRecorded(
                        2,
                        Stage.STT,
                        "deepgram",
                        "nova-3",
                        new BigDecimal("3"),
                        "audio_seconds",
                        new BigDecimal("0.0003"))));

        pipeline.send(new PipelineMessage.Cost(new CostRecorded(
                0, Stage.STT, "deepgram", "nova-3", new BigDecimal("1"), "audio_seconds", new BigDecimal("0.0001"))));
        pipeline.send(new PipelineMessage.Failed(FailureKind.TTS, "every TTS provider failed"));
        // the LLM's bill for the answer that could not be spoken arrives just after the failure
        pipeline.send(new PipelineMessage.Cost(new CostRecorded(
                1,
                Stage.LLM,
                "openai",
                "gpt-4o-mini",
                new BigDecimal("200"),
                "prompt_tokens",
                new BigDecimal("0.0020"))));
        assertEquals(
                "fallback", pipeline.await(GatewayMessage.CallerHangup.class).reason());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(pipeline::isClosed);
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> CallEventsProbe.get().ofCall(caller.callId()).stream()
                        .anyMatch(e -> e.type() == EventType.CALL_TRANSFERRED));

        caller.stop(); // Twilio ends the stream once the call runs the fallback TwiML
        List<CallEvent> events =
                CallEventsProbe.get().awaitEvent(caller.callId(), e -> e.type() == EventType.CALL_ENDED);
        List<CostRecorded> costs = events.stream()
                .filter(e -> e.type() == EventType.COST_RECORDED)
                .map(e -> (CostRecorded) e.payload())
                .toList();
        assertEquals(
                List.of(Stage.STT, Stage.LLM, Stage.STT),
                costs.stream().map(CostRecorded::stage).toList(),
                "the costs after the failure are recorded too: " + events);
        for (int i = 0; i < events.size(); i++) {
            assertEquals(i, events.get(i).seq(), "seq increases from 0 without gaps");
        }
        CallEnded ended = (CallEnded) events.get(events.size() - 1).payload();
        assertEquals(CallStatus.TRANSFERRED, ended.status());
        assertEquals("ai_failure", ended.endedReason());
        assertEquals(0, new BigDecimal("0.0004").compareTo(ended.costs().stt()));
        assertEquals(0, new BigDecimal("0.0020").compareTo(ended.costs().llm()));
        assertEquals(0, new BigDecimal("0.0024").compareTo(ended.costs().total()), "every cost so far is kept");
    }

    @Test
    void aPipelineThatNeverClosesDelaysCallEndedByNoMoreThanTheDrainTimeout() throws Exception {
        Duration drain = config.pipelineDrainTimeout();
        MediaStreamClient caller = twilio.placeCall(TwilioSimulator.newCallSid(), "+14155550601", "+15550000001");
        FakePipeline.Call pipeline = FakePipeline.get().awaitCall(caller.callId());
        pipeline.await(GatewayMessage.CallStart.class);

        Instant hungUp = Instant.now();
        caller.stop();
        pipeline.await(GatewayMessage.CallerHangup.class);
        List<CallEvent> events =
                CallEventsProbe.get().awaitEvent(caller.callId(), e -> e.type() == EventType.CALL_ENDED);
        CallEvent endedEvent = events.get(events.size() - 1);
        assertEquals(EventType.CALL_ENDED, endedEvent.type());
        assertEquals(events.size() - 1, endedEvent.seq());
        CallEnded ended = (CallEnded) endedEvent.payload();
        assertEquals(CallStatus.ABANDONED, ended.status());
        assertEquals("caller_hangup", ended.endedReason());

        Duration waited = Duration.between(hungUp, endedEvent.occurredAt());
        assertTrue(waited.compareTo(drain.plusSeconds(2)) < 0, "CallEnded " + waited.toMillis() + " ms after stop");
        // the gateway listened for the drain timeout, then closed the socket itself
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(pipeline::isClosed);
        long listenedMs = (pipeline.closedNanos() - pipeline.hangupReceivedNanos()) / 1_000_000;
        assertTrue(listenedMs >= drain.toMillis() - 100, "socket closed " + listenedMs + " ms after CallerHangup");
    }
}
