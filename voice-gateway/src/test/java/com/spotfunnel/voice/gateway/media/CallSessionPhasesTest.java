package com.spotfunnel.voice.gateway.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spotfunnel.voice.events.bridge.GatewayMessage;
import com.spotfunnel.voice.events.payload.CallEnded;
import com.spotfunnel.voice.events.payload.CallStatus;
import com.spotfunnel.voice.events.payload.SystemError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A session driven into each of its phases the way a call gets there, then: every move tried from there (the
 * session makes the legal ones and refuses the rest, counted, phase unchanged), the caller hanging up, and the
 * pipeline closing its socket.
 */
class CallSessionPhasesTest {

    static Stream<String> phases() {
        return SessionRig.phases().stream();
    }

    /** The phase a call reaches by the named route, as its class name (with a shape where that matters). */
    private static String describe(CallPhase phase) {
        if (phase instanceof CallPhase.PlayingFallback fallback) {
            return "PlayingFallback(" + fallback.answer().name().toLowerCase() + ")";
        }
        if (phase instanceof CallPhase.ClosingStream closing) {
            return closing.agentGoodbye() ? "ClosingStream(goodbye)" : "ClosingStream(transfer refused)";
        }
        return phase.name();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("phases")
    void eachPhaseIsReachedTheWayACallGetsThere(String name) {
        SessionRig rig = new SessionRig().driveTo(name);
        assertEquals(name, describe(rig.session.phase()));
        assertEquals(List.of(), rig.metrics.illegalMoves);
    }

    static Stream<Arguments> everyMoveFromEveryPhase() {
        List<Arguments> cases = new ArrayList<>();
        for (String from : SessionRig.phases()) {
            CallPhaseTest.samples().forEach((to, target) -> cases.add(Arguments.of(from, to)));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyMoveFromEveryPhase")
    void aLegalMoveIsMadeAndAnIllegalOneIsCountedAndChangesNothing(String from, String to) {
        SessionRig rig = new SessionRig().driveTo(from);
        CallPhase before = rig.session.phase();
        CallPhase target = CallPhaseTest.samples().get(to);
        if (target instanceof CallPhase.PlayingFallback fallback && before instanceof CallPhase.PlayingFallback own) {
            // Twilio answers the plan under way, not another one
            target = new CallPhase.PlayingFallback(own.plan(), fallback.answer(), fallback.endRequested());
        }
        if (target instanceof CallPhase.Transferring transferring && before instanceof CallPhase.Transferring own) {
            target = new CallPhase.Transferring(own.transferTo(), transferring.endRequested());
        }
        boolean legal = before.mayMoveTo(target);

        boolean moved = rig.session.moveTo(target);

        assertEquals(legal, moved);
        if (legal) {
            assertEquals(target, rig.session.phase());
            assertEquals(List.of(), rig.metrics.illegalMoves);
        } else {
            assertEquals(before, rig.session.phase());
            assertEquals(List.of(before.name() + "->" + target.name()), rig.metrics.illegalMoves);
        }
    }

    /** What CallEnded says when the caller hangs up in each phase (Twilio answering any update still pending). */
    static Stream<Arguments> hangUps() {
        Map<String, String> silent = Map.ofEntries(
                Map.entry("Live", "ABANDONED caller_hangup"),
                Map.entry("SayingGoodbye", "ABANDONED caller_hangup"),
                Map.entry("ClosingStream(goodbye)", "COMPLETED agent_goodbye"),
                Map.entry("Transferring", "TRANSFERRED transfer"),
                Map.entry("Transferred", "TRANSFERRED transfer"),
                Map.entry("Dialing", "TRANSFERRED transfer"),
                Map.entry("ReturningToAgent", "ABANDONED caller_hangup"),
                Map.entry("ReturnedToAgent", "ABANDONED caller_hangup"),
                Map.entry("ClosingStream(transfer refused)", "ABANDONED caller_hangup"),
                Map.entry("PlayingFallback(pending)", "FAILED ai_failure"),
                Map.entry("PlayingFallback(accepted)", "FAILED ai_failure"),
                Map.entry("PlayingFallback(refused)", "FAILED ai_failure"),
                Map.entry("Draining", "ABANDONED caller_hangup"),
                Map.entry("Ended", "ABANDONED caller_hangup"));
        List<Arguments> cases = new ArrayList<>();
        for (String phase : SessionRig.phases()) {
            cases.add(Arguments.of(phase, false, silent.get(phase)));
            String spoke = silent.get(phase).replace("ABANDONED", "COMPLETED");
            cases.add(Arguments.of(phase, true, spoke));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, caller spoke: {1} -> {2}")
    @MethodSource("hangUps")
    void hangingUpInEachPhaseEndsTheCallOnceWithTheStatusOfThatPhase(
            String phase, boolean callerSpoke, String expected) {
        SessionRig rig = new SessionRig();
        if (callerSpoke) {
            rig.callerTurn(1);
        }
        rig.driveTo(phase);

        rig.session.streamEnded("caller_hangup");
        rig.session.streamEnded("caller_hangup"); // Twilio's stop and the socket's close both say so
        while (rig.updates.waiting() > 0) {
            rig.updates.answer(true);
        }
        // Twilio's final status: what ends a call whose stream had ended already for a transfer
        rig.session.callEnded("caller_hangup");
        rig.pipeline.closes();

        CallEnded ended = rig.callEnded();
        assertEquals(expected, ended.status() + " " + ended.endedReason());
        assertEquals(1, rig.events.of(CallEnded.class).size());
        assertEquals("CallEnded", rig.events.types().get(rig.events.published.size() - 1), "CallEnded comes last");
        assertEquals(1, rig.endedCallbacks);
        assertEquals(0, rig.metrics.active);
        assertEquals(List.of(ended.status().name().toLowerCase()), rig.metrics.endedWith);
        assertTrue(rig.session.phase() instanceof CallPhase.Ended);
        assertTrue(rig.twilio.closes > 0, "the Media Stream is closed");
        assertEquals(List.of(), rig.metrics.illegalMoves);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("phases")
    void whileTwilioIsBeingUpdatedTheHangUpWaitsForItsAnswer(String phase) {
        SessionRig rig = new SessionRig().driveTo(phase);
        boolean updating = rig.session.phase().awaitsTwilio();
        // a transfer's stream ends when Twilio runs the <Dial>: the call goes on while it rings or returns
        boolean transfer = phase.startsWith("Transferr") || phase.equals("Dialing") || phase.equals("ReturningToAgent");

        rig.session.streamEnded("caller_hangup");

        assertEquals(
                updating || transfer,
                rig.callEnded() == null && !rig.session.phase().callerGone(),
                phase);
        if (updating) {
            rig.updates.answer(true);
            if (transfer) {
                assertTrue(rig.session.phase() instanceof CallPhase.Dialing, "the Dial rings: " + rig.session.phase());
            } else {
                assertTrue(rig.session.phase().callerGone(), "the deferred end is carried out after Twilio's answer");
            }
        }
    }

    /** The pipeline closing its socket: a break while the AI has the caller, else the end of the call's record. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("phases")
    void thePipelineClosingInEachPhase(String phase) {
        SessionRig rig = new SessionRig().driveTo(phase);
        CallPhase before = rig.session.phase();
        int errorsBefore = rig.events.of(SystemError.class).size();

        rig.pipeline.closes();

        CallPhase after = rig.session.phase();
        if (before.aiHasCaller()) {
            assertTrue(after instanceof CallPhase.PlayingFallback, phase + " -> " + after);
            assertEquals(
                    "pipeline_disconnected",
                    rig.events.of(SystemError.class).get(errorsBefore).errorType());
            assertEquals(
                    List.of("fallback:OTHER"),
                    rig.updates.asked.stream()
                            .filter(a -> a.startsWith("fallback"))
                            .toList());
        } else if (before instanceof CallPhase.Draining) {
            assertTrue(after instanceof CallPhase.Ended);
            assertEquals(0, rig.clock.pendingTimers(), "the drain timer is cancelled");
        } else {
            assertEquals(before, after);
            assertEquals(errorsBefore, rig.events.of(SystemError.class).size());
        }
        assertTrue(rig.pipeline.isClosed());
        assertEquals(List.of(), rig.metrics.illegalMoves);
    }

    /** After the pipeline's socket closed, the caller's hang-up ends the call at once: there is nothing to drain. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("phases")
    void aHangUpAfterThePipelineClosedEndsWithoutDraining(String phase) {
        SessionRig rig = new SessionRig().driveTo(phase);
        rig.pipeline.closes();
        while (rig.updates.waiting() > 0) {
            rig.updates.answer(true);
        }
        int callerHangups = rig.pipeline.of(GatewayMessage.CallerHangup.class).size();

        rig.session.callEnded("caller_hangup");

        assertTrue(rig.session.phase() instanceof CallPhase.Ended, phase + ": " + rig.session.phase());
        assertEquals(0, rig.clock.pendingTimers());
        assertEquals(
                callerHangups,
                rig.pipeline.of(GatewayMessage.CallerHangup.class).size(),
                "nothing is sent on a closed socket");
        assertEquals(1, rig.events.of(CallEnded.class).size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("phases")
    void theDrainTimerEndsACallWhosePipelineNeverCloses(String phase) {
        SessionRig rig = new SessionRig().driveTo(phase);
        while (rig.updates.waiting() > 0) {
            rig.updates.answer(true);
        }
        rig.session.callEnded("caller_hangup");
        if (rig.session.phase() instanceof CallPhase.Ended) {
            return; // ended before (the route closed the pipeline)
        }
        assertTrue(rig.session.phase() instanceof CallPhase.Draining, phase + ": " + rig.session.phase());

        rig.clock.advance(SessionRig.DRAIN_TIMEOUT.minus(Duration.ofMillis(1)));
        assertTrue(rig.session.phase() instanceof CallPhase.Draining, "not before the timeout");
        rig.clock.advance(Duration.ofMillis(1));

        assertTrue(rig.session.phase() instanceof CallPhase.Ended);
        assertTrue(rig.pipeline.isClosed(), "the gateway closes the socket itself");
        assertEquals(1, rig.events.of(CallEnded.class).size());
        if (phase.startsWith("PlayingFallback")) {
            assertEquals(CallStatus.FAILED, rig.callEnded().status());
        }
    }

    // ---- the outcome of a transfer the caller asked for (issue 14) ----

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"no-answer", "busy", "failed"})
    void aTransferThatDoesNotConnectGivesTheCallerBackToTheAgent(String outcome) {
        SessionRig rig = new SessionRig().driveTo("Dialing");

        assertTrue(rig.session.dialEnded(outcome));
        assertTrue(rig.session.phase() instanceof CallPhase.ReturningToAgent);
        assertTrue(rig.session.resume("MZ-returned", rig.twilio));

        assertEquals(new CallPhase.ReturnedToAgent(outcome), rig.session.phase());
        assertEquals(
                List.of(new GatewayMessage.TransferReturned(outcome)),
                rig.pipeline.of(GatewayMessage.TransferReturned.class));
        com.spotfunnel.voice.events.payload.CallTransferred recorded = rig.events
                .of(com.spotfunnel.voice.events.payload.CallTransferred.class)
                .get(0);
        assertEquals(outcome, recorded.outcome());
        assertEquals(Boolean.TRUE, recorded.returnedToAgent());
        assertEquals("MZ-returned", rig.session.call().streamSid(), "the agent now speaks on the new stream");
        // the agent took the message and says goodbye: an ordinary end
        rig.agentSays("u-9");
        rig.session.onPipelineMessage(new com.spotfunnel.voice.events.bridge.PipelineMessage.Hangup("bye"));
        rig.session.markEchoed("u-9");
        rig.session.streamEnded("caller_hangup");
        rig.pipeline.closes();
        assertEquals(
                "COMPLETED agent_goodbye",
                rig.callEnded().status() + " " + rig.callEnded().endedReason());
        assertEquals(List.of(), rig.metrics.illegalMoves);
    }

    @org.junit.jupiter.api.Test
    void anAnsweredTransferEndsTheCallsRecordAsTransferred() {
        SessionRig rig = new SessionRig().driveTo("Dialing");

        rig.session.dialAnswered();
        rig.pipeline.closes();

        assertEquals(
                "answered",
                rig.events
                        .of(com.spotfunnel.voice.events.payload.CallTransferred.class)
                        .get(0)
                        .outcome());
        assertEquals(
                "TRANSFERRED transfer",
                rig.callEnded().status() + " " + rig.callEnded().endedReason());
        assertEquals(0, rig.clock.pendingTimers(), "the ring timer is cancelled");
        assertTrue(!rig.session.dialEnded("completed"), "a later Dial result changes nothing");
        assertEquals(List.of(), rig.metrics.illegalMoves);
    }

    @org.junit.jupiter.api.Test
    void withoutWordFromTwilioTheRingTimerEndsTheCallAsTransferred() {
        SessionRig rig = new SessionRig().driveTo("Dialing");

        rig.clock.advance(Duration.ofSeconds(30 + 15));
        rig.pipeline.closes();

        assertEquals(
                "TRANSFERRED transfer",
                rig.callEnded().status() + " " + rig.callEnded().endedReason());
    }

    @org.junit.jupiter.api.Test
    void aReturnStreamThatNeverStartsEndsTheCall() {
        SessionRig rig = new SessionRig();
        rig.callerTurn(1);
        rig.driveTo("ReturningToAgent");

        rig.clock.advance(Duration.ofSeconds(10));
        rig.pipeline.closes();

        assertEquals(CallStatus.COMPLETED, rig.callEnded().status());
        assertEquals("transfer_return_failed", rig.callEnded().endedReason());
        assertTrue(!rig.session.resume("MZ-late", rig.twilio), "a late stream is refused");
    }
}
