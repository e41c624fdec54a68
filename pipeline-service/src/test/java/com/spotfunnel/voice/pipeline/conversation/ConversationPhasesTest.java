package com.spotfunnel.voice.pipeline.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spotfunnel.voice.events.bridge.PipelineMessage;
import com.spotfunnel.voice.events.payload.FailureKind;
import com.spotfunnel.voice.events.payload.Speaker;
import com.spotfunnel.voice.events.payload.Stage;
import com.spotfunnel.voice.events.payload.TranscriptTurn;
import com.spotfunnel.voice.pipeline.analysis.FinishedCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A conversation driven into each of its phases the way a call gets there, then: every move tried from there, the
 * caller hanging up, the socket closing, and the caller speaking.
 */
class ConversationPhasesTest {

    static Stream<String> phases() {
        return ConversationRig.phases().stream();
    }

    private static String describe(ConversationPhase phase) {
        return phase.name();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("phases")
    void eachPhaseIsReachedTheWayACallGetsThere(String name) {
        ConversationRig rig = new ConversationRig().start().driveTo(name);
        assertEquals(name.replaceAll("\\(.*", ""), describe(rig.conversation.phase()));
        assertEquals(List.of(), rig.metrics.illegalMoves);
    }

    static Stream<Arguments> everyMoveFromEveryPhase() {
        List<Arguments> cases = new ArrayList<>();
        for (String from : ConversationRig.phases()) {
            ConversationPhaseTest.samples().keySet().forEach(to -> cases.add(Arguments.of(from, to)));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyMoveFromEveryPhase")
    void aLegalMoveIsMadeAndAnIllegalOneIsCountedAndChangesNothing(String from, String to) {
        ConversationRig rig = new ConversationRig().start().driveTo(from);
        ConversationPhase before = rig.conversation.phase();
        ConversationPhase target = ConversationPhaseTest.samples().get(to);
        boolean legal = before.mayMoveTo(target);

        assertEquals(legal, rig.conversation.moveTo(target));

        if (legal) {
            assertEquals(target, rig.conversation.phase());
            assertEquals(List.of(), rig.metrics.illegalMoves);
        } else {
            assertEquals(before, rig.conversation.phase());
            assertEquals(List.of(before.name() + "->" + target.name()), rig.metrics.illegalMoves);
        }
    }

    /**
     * The caller hangs up in each phase: the turn in flight (interrupted unless all of it was produced) and the
     * unbilled audio go out, then nothing; the call goes to analysis once, with how it went.
     *
     * @param cut the agent turn whose transcript the hang-up sends ("-" for none), and whether it is interrupted
     */
    static Stream<Arguments> hangUps() {
        Map<String, String> cut = Map.of(
                "Speaking(greeting)", "0 heard",
                "Listening", "-",
                "Speaking(answer)", "2 interrupted",
                "Speaking(answer done, unheard)", "2 heard",
                "Concluding(goodbye)", "2 interrupted",
                "Concluding(transfer)", "2 interrupted",
                "Concluding(farewell heard)", "-",
                "Failed(LLM)", "-",
                "Failed(STT)", "-",
                "Closed", "-");
        return ConversationRig.phases().stream().map(phase -> Arguments.of(phase, cut.get(phase)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("hangUps")
    void hangingUpInEachPhaseSendsTheTurnInFlightThenNothing(String phase, String cut) {
        ConversationRig rig = new ConversationRig().start().driveTo(phase);
        ConversationPhase before = rig.conversation.phase();
        int sentBefore = rig.sent.size();
        int analysedBefore = rig.analysis.calls.size();
        rig.conversation.onAudio(new byte[400]); // not yet billed

        rig.conversation.onCallerHangup();

        List<PipelineMessage> last = rig.sent.subList(sentBefore, rig.sent.size());
        List<TranscriptTurn> cutTurns = last.stream()
                .filter(m -> m instanceof PipelineMessage.Transcript)
                .map(m -> ((PipelineMessage.Transcript) m).turn())
                .toList();
        if (cut.equals("-")) {
            assertEquals(List.of(), cutTurns);
        } else {
            assertEquals(1, cutTurns.size(), last.toString());
            assertEquals(Speaker.AGENT, cutTurns.get(0).speaker());
            assertEquals(
                    cut, cutTurns.get(0).turnIndex() + (cutTurns.get(0).interrupted() ? " interrupted" : " heard"));
        }
        boolean open = !before.closed();
        assertEquals(
                open && before.callerSteers(),
                last.stream()
                        .anyMatch(m ->
                                m instanceof PipelineMessage.Cost c && c.cost().stage() == Stage.STT),
                "the unbilled audio is billed while the socket is open");
        assertTrue(
                last.stream()
                        .noneMatch(m -> m instanceof PipelineMessage.AgentAudio
                                || m instanceof PipelineMessage.Failed
                                || m instanceof PipelineMessage.Hangup
                                || m instanceof PipelineMessage.Transfer),
                last.toString());
        assertTrue(rig.conversation.phase().closed());
        assertEquals(1, rig.analysis.calls.size());
        assertEquals(open ? 1 : 0, rig.analysis.calls.size() - analysedBefore);
        FinishedCall finished = rig.analysis.calls.get(0);
        assertEquals(phase.startsWith("Concluding(transfer)"), finished.transferred());
        assertEquals(
                phase.startsWith("Failed") ? FailureKind.valueOf(phase.replaceAll(".*\\((.*)\\)", "$1")) : null,
                finished.failure());
        assertEquals(0, rig.metrics.active);

        int after = rig.sent.size();
        rig.tts.releaseAll();
        rig.conversation.onUtterance("hello?");
        rig.conversation.onSpeechStarted();
        rig.conversation.onCallerHangup();
        rig.conversation.close();
        assertEquals(after, rig.sent.size(), "nothing after the close");
        assertEquals(1, rig.analysis.calls.size());
        assertEquals(List.of(), rig.metrics.illegalMoves);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("phases")
    void theSocketClosingInEachPhaseStopsEverythingAndSendsNothing(String phase) {
        ConversationRig rig = new ConversationRig().start().driveTo(phase);
        int sentBefore = rig.sent.size();

        rig.conversation.close();
        rig.tts.releaseAll();

        assertEquals(sentBefore, rig.sent.size());
        if (!phase.equals("Failed(STT)")) { // there the recognizer broke by itself
            assertTrue(rig.stt.session.closed, "the recognizer is closed");
        }
        if (phase.equals("Speaking(answer)")) {
            assertEquals(List.of(true), rig.llm.cancelled, "the answer in flight is cancelled");
        }
        assertEquals(1, rig.analysis.calls.size());
        FinishedCall finished = rig.analysis.calls.get(0);
        assertTrue(
                finished.transcript().stream().anyMatch(t -> t.turnIndex() == 0 && t.speaker() == Speaker.AGENT),
                "the greeting is in the analysed transcript");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("phases")
    void theCallerSpeakingInEachPhase(String phase) {
        ConversationRig rig = new ConversationRig().start().driveTo(phase);
        ConversationPhase before = rig.conversation.phase();
        int llmRequests = rig.llm.requests.size();

        rig.callerSays("What about Sunday?");

        if (before.callerSteers()) {
            assertEquals(llmRequests + 1, rig.llm.requests.size(), "a new answer is asked for");
            assertTrue(rig.conversation.phase() instanceof ConversationPhase.Speaking);
            boolean cutIn = before instanceof ConversationPhase.Speaking;
            assertEquals(cutIn ? 1 : 0, rig.metrics.bargeIns);
        } else {
            assertEquals(llmRequests, rig.llm.requests.size(), "the call's course is set: the words change nothing");
            assertEquals(before, rig.conversation.phase());
            assertEquals(0, rig.metrics.bargeIns, "last words cannot be interrupted");
            assertFalse(
                    rig.turns(Speaker.CALLER).stream().anyMatch(t -> t.text().equals("What about Sunday?")));
        }
    }
}
