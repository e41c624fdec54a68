package com.spotfunnel.voice.gateway.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spotfunnel.voice.events.bridge.GatewayMessage;
import com.spotfunnel.voice.events.bridge.PipelineMessage;
import com.spotfunnel.voice.events.payload.CallEnded;
import com.spotfunnel.voice.events.payload.CallStarted;
import com.spotfunnel.voice.events.payload.CallStatus;
import com.spotfunnel.voice.events.payload.FailureKind;
import com.spotfunnel.voice.events.payload.ProviderFailed;
import com.spotfunnel.voice.events.payload.Speaker;
import com.spotfunnel.voice.events.payload.Stage;
import com.spotfunnel.voice.events.payload.SystemError;
import com.spotfunnel.voice.events.payload.TranscriptTurn;
import com.spotfunnel.voice.gateway.bridge.PipelineLink;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One call's session in plain JUnit: what Twilio, the pipeline and the call's record see, step by step. */
class CallSessionTest {

    private final SessionRig rig = new SessionRig();

    @Test
    void theCallStartsWithItsEventAndThePipelineSocket() {
        assertEquals(List.of("CallStarted"), rig.events.types());
        assertEquals("CA1", rig.events.of(CallStarted.class).get(0).callSid());
        assertEquals(
                "call-1", rig.pipeline.of(GatewayMessage.CallStart.class).get(0).callId());
        assertEquals(1, rig.metrics.active);
        assertTrue(rig.session.phase() instanceof CallPhase.Live);
    }

    @Test
    void whileLiveAudioDtmfAndPlayedMarksGoToThePipeline() {
        rig.session.callerAudio(new byte[160]);
        rig.session.dtmf("5");
        rig.agentSays("u-1");
        rig.session.markEchoed("u-1");

        assertEquals(1, rig.pipeline.audioFrames);
        assertEquals(
                List.of(new GatewayMessage.Dtmf("5"), new GatewayMessage.Played("u-1")),
                rig.pipeline.sent.subList(1, 3));
        assertTrue(rig.twilio.sentEvent("media") && rig.twilio.sentEvent("mark"));
    }

    @Test
    void bargeInClearsTwilioAndForgetsTheCutUtterancesMark() {
        rig.agentSays("u-1");
        rig.session.onPipelineMessage(new PipelineMessage.Clear("barge-in"));
        rig.session.markEchoed("u-1"); // Twilio echoes the mark of audio it dropped

        assertTrue(rig.twilio.sentEvent("clear"));
        assertTrue(rig.pipeline.of(GatewayMessage.Played.class).isEmpty(), "a cut utterance is not reported played");
        assertTrue(rig.session.phase() instanceof CallPhase.Live);
    }

    @Test
    void goodbyeClosesTheStreamOnlyOnceTheFarewellWasHeard() {
        rig.callerTurn(1);
        rig.agentSays("u-2");
        rig.session.onPipelineMessage(new PipelineMessage.Hangup("caller said goodbye"));

        assertTrue(rig.session.phase() instanceof CallPhase.SayingGoodbye);
        assertEquals(0, rig.twilio.closes, "the farewell is still playing");
        rig.session.callerAudio(new byte[160]);
        assertEquals(1, rig.pipeline.audioFrames, "the call is still live while the farewell plays");

        rig.session.markEchoed("u-2");

        assertEquals(List.of(new GatewayMessage.Played("u-2")), rig.pipeline.of(GatewayMessage.Played.class));
        assertEquals(new CallPhase.ClosingStream(true), rig.session.phase());
        assertEquals(1, rig.twilio.closes);

        rig.session.streamEnded("caller_hangup");
        rig.session.onPipelineMessage(
                new PipelineMessage.Transcript(new TranscriptTurn(2, Speaker.AGENT, "Bye!", 0, 5, false)));
        rig.pipeline.closes();

        assertEquals(List.of("CallStarted", "TranscriptTurn", "TranscriptTurn", "CallEnded"), rig.events.types());
        assertEquals(CallStatus.COMPLETED, rig.callEnded().status());
        assertEquals("agent_goodbye", rig.callEnded().endedReason());
    }

    @Test
    void aGoodbyeWithNothingUnheardClosesTheStreamAtOnce() {
        rig.session.onPipelineMessage(new PipelineMessage.Hangup("bye"));
        assertEquals(new CallPhase.ClosingStream(true), rig.session.phase());
        assertEquals(1, rig.twilio.closes);
    }

    @Test
    void aTransferTwilioTakesEndsTheCallTransferred() {
        rig.callerTurn(1);
        rig.driveTo("Transferring");
        assertEquals(List.of("transfer:" + SessionRig.TRANSFER_NUMBER), rig.updates.asked);
        rig.session.callerAudio(new byte[160]);
        assertEquals(1, rig.pipeline.audioFrames, "the caller is still the AI's while Twilio is asked");

        rig.updates.answer(true);
        assertEquals(new CallPhase.Transferred(SessionRig.TRANSFER_NUMBER), rig.session.phase());
        rig.session.streamEnded("caller_hangup");
        assertTrue(rig.session.phase() instanceof CallPhase.Dialing, "the stream ended because the Dial began");
        assertTrue(rig.callEnded() == null, "the call goes on while the transfer rings");
        rig.session.dialAnswered(); // the person picked up
        rig.pipeline.closes();

        assertEquals(CallStatus.TRANSFERRED, rig.callEnded().status());
        assertEquals("transfer", rig.callEnded().endedReason());
        assertEquals(0, rig.twilio.closes - 1, "the gateway closed the stream only as the call ended");
    }

    @Test
    void aTransferTwilioRefusesEndsTheStreamInsteadOfLeavingSilence() {
        rig.callerTurn(1);
        rig.driveTo("Transferring");
        rig.updates.answer(false);

        assertEquals(new CallPhase.ClosingStream(false), rig.session.phase());
        assertEquals(1, rig.twilio.closes);
        rig.session.streamEnded("caller_hangup");
        rig.pipeline.closes();
        assertEquals(CallStatus.COMPLETED, rig.callEnded().status());
        assertEquals("caller_hangup", rig.callEnded().endedReason());
    }

    @Test
    void aTransferWithoutANumberIsAGoodbye() {
        rig.agentSays("u-1");
        rig.session.onPipelineMessage(new PipelineMessage.Transfer("caller asked"));

        assertTrue(rig.updates.asked.isEmpty());
        assertTrue(rig.session.phase() instanceof CallPhase.SayingGoodbye);
        rig.session.markEchoed("u-1");
        rig.session.streamEnded("caller_hangup");
        rig.pipeline.closes();
        assertEquals("agent_goodbye", rig.callEnded().endedReason());
    }

    @Test
    void aSecondTransferOrAGoodbyeDuringATransferIsIgnored() {
        rig.driveTo("Transferring");
        rig.session.onPipelineMessage(new PipelineMessage.Transfer("again"));
        rig.session.onPipelineMessage(new PipelineMessage.Hangup("bye"));

        assertEquals(1, rig.updates.asked.size());
        assertTrue(rig.session.phase() instanceof CallPhase.Transferring);
        assertEquals(List.of(), rig.metrics.illegalMoves);
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(FailureKind.LLM, "all_llm_failed"),
                Arguments.of(FailureKind.TTS, "all_tts_failed"),
                Arguments.of(FailureKind.STT, "stt_failed"),
                Arguments.of(FailureKind.OTHER, "pipeline_error"),
                Arguments.of(null, "pipeline_error"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("failures")
    void aPipelineFailureHandsTheCallerToTwilio(FailureKind kind, String errorType) {
        rig.session.onPipelineMessage(new PipelineMessage.Failed(kind, "detail"));

        SystemError error = rig.events.of(SystemError.class).get(0);
        assertEquals(errorType, error.errorType());
        assertEquals(List.of("fallback:" + (kind == null ? FailureKind.OTHER : kind)), rig.updates.asked);
        assertEquals(new GatewayMessage.CallerHangup("fallback"), rig.pipeline.hungUpWith);
        assertTrue(rig.session.phase() instanceof CallPhase.PlayingFallback);
    }

    @Test
    void afterAFallbackNothingGoesToThePipelineButItsRecordStillCounts() {
        rig.cost("0.01");
        rig.pipelineFails(FailureKind.LLM);
        int audio = rig.pipeline.audioFrames;
        int twilioSent = rig.twilio.sent.size();

        rig.session.callerAudio(new byte[160]);
        rig.session.dtmf("0");
        rig.session.onPipelineMessage(new PipelineMessage.AgentAudio("u-9", new byte[] {1}, true));
        rig.session.onPipelineMessage(new PipelineMessage.Clear("x"));
        rig.session.onPipelineMessage(new PipelineMessage.Transfer("x"));
        rig.session.onPipelineMessage(
                new PipelineMessage.ProviderFailure(new ProviderFailed(Stage.LLM, "gemini", "timeout", "slow", null)));
        rig.cost("0.02");
        rig.updates.answer(true);
        rig.session.streamEnded("caller_hangup");
        rig.pipeline.closes();

        assertEquals(audio, rig.pipeline.audioFrames);
        assertEquals(twilioSent, rig.twilio.sent.size(), "nothing more for the caller from the AI");
        assertEquals(1, rig.updates.asked.size(), "no transfer on top of the fallback");
        assertEquals(
                List.of("CallStarted", "CostRecorded", "SystemError", "ProviderFailed", "CostRecorded", "CallEnded"),
                rig.events.types());
        assertEquals(0, new BigDecimal("0.03").compareTo(rig.callEnded().costs().total()));
        assertEquals(CallStatus.FAILED, rig.callEnded().status());
        assertEquals("ai_failure", rig.callEnded().endedReason());
    }

    @Test
    void aConversationThePipelineRefusesForCapacityIsPlayedTheBusyMessageAndEndsRefused() {
        rig.planner.transferNumber = SessionRig.TRANSFER_NUMBER; // even so: busy means hang up, not transfer
        rig.session.onBridgeBroken(PipelineLink.PIPELINE_BUSY);
        assertEquals(1, rig.updates.asked.size(), "the busy message goes out through Twilio at once");
        SystemError refused = rig.events.of(SystemError.class).get(0);
        assertEquals("capacity_refused", refused.errorType());
        assertEquals("pipeline_busy", refused.context().get("reason"));
        assertEquals(List.of("pipeline_busy"), rig.metrics.refused);
        rig.updates.answer(true);
        rig.session.streamEnded("caller_hangup");
        assertEquals(List.of("CallStarted", "SystemError", "CallEnded"), rig.events.types());
        assertEquals(CallStatus.FAILED, rig.callEnded().status());
        assertEquals("capacity_refused", rig.callEnded().endedReason());
    }

    @Test
    void aFallbackThatDialsAndIsTakenEndsTransferred() {
        rig.planner.transferNumber = SessionRig.TRANSFER_NUMBER;
        rig.pipelineFails(FailureKind.TTS);
        rig.updates.answer(true);
        rig.session.streamEnded("caller_hangup");
        rig.pipeline.closes();
        assertEquals(CallStatus.TRANSFERRED, rig.callEnded().status());
        assertEquals("ai_failure", rig.callEnded().endedReason());
    }

    @Test
    void aFallbackTwilioRefusesClosesTheStreamAndEndsFailed() {
        rig.planner.transferNumber = SessionRig.TRANSFER_NUMBER;
        rig.pipelineFails(FailureKind.TTS);
        rig.updates.answer(false);

        assertEquals(1, rig.twilio.closes, "no silence: the stream is ended");
        rig.session.streamEnded("caller_hangup");
        rig.pipeline.closes();
        assertEquals(CallStatus.FAILED, rig.callEnded().status());
    }

    @Test
    void aHangUpWhileTheFallbackIsBeingSentWaitsSoItsEventsComeFirst() {
        rig.pipelineFails(FailureKind.LLM);
        rig.session.streamEnded("caller_hangup");
        rig.pipeline.closes();

        assertNull(rig.callEnded(), "CallEnded waits for Twilio's answer");
        rig.updates.answer(true);

        assertEquals(CallStatus.FAILED, rig.callEnded().status());
        assertTrue(rig.session.phase() instanceof CallPhase.Ended);
    }

    @Test
    void aFailureDuringATransferTakesOverAndTheTransfersLateAnswerChangesNothing() {
        rig.planner.transferNumber = SessionRig.TRANSFER_NUMBER;
        rig.driveTo("Transferring");
        rig.pipelineFails(FailureKind.LLM);
        assertTrue(rig.session.phase() instanceof CallPhase.PlayingFallback);

        rig.updates.answer(false); // the transfer's answer, late
        assertEquals(0, rig.twilio.closes, "the refused transfer does not end the fallback's call");
        assertTrue(rig.session.phase() instanceof CallPhase.PlayingFallback);
        rig.updates.answer(true);
        rig.session.streamEnded("caller_hangup");
        rig.pipeline.closes();
        assertEquals(CallStatus.TRANSFERRED, rig.callEnded().status());
        assertEquals("ai_failure", rig.callEnded().endedReason());
        assertEquals(List.of(), rig.metrics.illegalMoves);
    }

    @Test
    void aSecondFailureAfterTheFallbackIsNotASecondFallback() {
        rig.pipelineFails(FailureKind.LLM);
        rig.pipelineFails(FailureKind.TTS);
        rig.session.unexpectedError(new IllegalStateException());
        rig.pipeline.closes();

        assertEquals(1, rig.events.of(SystemError.class).size());
        assertEquals(1, rig.updates.asked.size());
    }

    @Test
    void theTwilioSocketsUnexpectedErrorIsAGatewayFailure() {
        rig.session.unexpectedError(new IllegalStateException("boom"));
        assertEquals("gateway_error", rig.events.of(SystemError.class).get(0).errorType());
        assertEquals(
                "IllegalStateException", rig.events.of(SystemError.class).get(0).message());
    }

    @Test
    void whileDrainingThePipelinesRecordCountsAndNothingReachesTheCaller() {
        rig.agentSays("u-1");
        rig.session.streamEnded("caller_hangup");
        int twilioSent = rig.twilio.sent.size();

        rig.session.onPipelineMessage(new PipelineMessage.AgentAudio("u-2", new byte[] {1}, true));
        rig.session.onPipelineMessage(new PipelineMessage.Failed(FailureKind.LLM, "late"));
        rig.session.markEchoed("u-1");
        rig.cost("0.5");
        rig.pipeline.closes();

        assertEquals(twilioSent, rig.twilio.sent.size());
        assertTrue(rig.events.of(SystemError.class).isEmpty(), "a failure after the hang-up is moot");
        assertTrue(rig.pipeline.of(GatewayMessage.Played.class).isEmpty());
        assertEquals(
                List.of(new GatewayMessage.CallerHangup("caller_hangup")),
                rig.pipeline.of(GatewayMessage.CallerHangup.class));
        assertEquals(0, new BigDecimal("0.5").compareTo(rig.callEnded().costs().total()));
    }

    @Test
    void eventsKeepThePipelinesOrderAcrossAProviderFailover() {
        rig.callerTurn(1);
        rig.session.onPipelineMessage(new PipelineMessage.ProviderFailure(
                new ProviderFailed(Stage.LLM, "openai", "http_5xx", "503", "gemini")));
        rig.cost("0.001");
        rig.session.onPipelineMessage(new PipelineMessage.ProviderFailure(
                new ProviderFailed(Stage.TTS, "cartesia", "timeout", "slow", "elevenlabs")));
        rig.agentSays("u-2");

        assertEquals(
                List.of("CallStarted", "TranscriptTurn", "ProviderFailed", "CostRecorded", "ProviderFailed"),
                rig.events.types());
        assertEquals(
                List.of("openai", "cartesia"),
                rig.events.of(ProviderFailed.class).stream()
                        .map(ProviderFailed::provider)
                        .toList());
        assertTrue(rig.session.phase() instanceof CallPhase.Live, "a failover is not a failure");
    }

    @Test
    void turnLatencyAndDurationComeFromTheClock() {
        rig.clock.advance(Duration.ofSeconds(60));
        rig.callerTurn(1);
        rig.clock.advance(Duration.ofMillis(700));
        rig.agentSays("u-2");
        rig.agentSays("u-2");
        rig.clock.advance(Duration.ofSeconds(5));
        rig.session.streamEnded("caller_hangup");
        rig.pipeline.closes();

        assertEquals(List.of(Duration.ofMillis(700)), rig.metrics.turnLatencies, "once per utterance");
        assertEquals(65, rig.callEnded().durationSeconds());
    }

    @Test
    void theDrainTimerIsCancelledWhenThePipelineClosesFirst() {
        rig.session.streamEnded("caller_hangup");
        assertEquals(1, rig.clock.pendingTimers());
        rig.pipeline.closes();
        assertEquals(0, rig.clock.pendingTimers());
        rig.clock.advance(Duration.ofSeconds(10));
        assertEquals(1, rig.events.of(CallEnded.class).size());
    }

    @Test
    void aBrokenPipelineBeforeTheHangUpMeansNoDrain() {
        rig.pipeline.closes();
        rig.updates.answer(true);
        rig.session.streamEnded("caller_hangup");

        assertEquals(0, rig.clock.pendingTimers());
        assertEquals(
                "pipeline_disconnected", rig.events.of(SystemError.class).get(0).errorType());
        assertEquals(CallStatus.FAILED, rig.callEnded().status());
        assertFalse(rig.pipeline.of(GatewayMessage.CallerHangup.class).size() > 1);
    }
}
