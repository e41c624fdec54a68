package com.spotfunnel.voice.pipeline.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spotfunnel.voice.events.bridge.PipelineMessage;
import com.spotfunnel.voice.events.payload.FailureKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The conversation's phase table, pair by pair. */
class ConversationPhaseTest {

    private static AgentTurn turn(PipelineMessage after) {
        return new AgentTurn(2, "call-1-2", 0, 0, after, after == null);
    }

    static Map<String, ConversationPhase> samples() {
        Map<String, ConversationPhase> phases = new LinkedHashMap<>();
        phases.put("Listening", new ConversationPhase.Listening());
        phases.put("Speaking", new ConversationPhase.Speaking(turn(null)));
        PipelineMessage hangup = new PipelineMessage.Hangup("bye");
        phases.put("Concluding(hangup)", new ConversationPhase.Concluding(turn(hangup), hangup));
        PipelineMessage transfer = new PipelineMessage.Transfer("person");
        phases.put("Concluding(transfer)", new ConversationPhase.Concluding(turn(transfer), transfer));
        phases.put("TransferFailed", new ConversationPhase.TransferFailed("no-answer"));
        phases.put("Failed", new ConversationPhase.Failed(FailureKind.TTS, false));
        phases.put("Closed", new ConversationPhase.Closed(false, null));
        return phases;
    }

    static final Set<String> LEGAL = Set.of(
            "Listening->Speaking",
            "Listening->Concluding(hangup)",
            "Listening->Concluding(transfer)",
            "Listening->Failed",
            "Listening->Closed",
            "Speaking->Listening",
            "Speaking->Failed",
            "Speaking->Closed",
            "Concluding(hangup)->Failed",
            "Concluding(hangup)->Closed",
            "Concluding(transfer)->TransferFailed",
            "Listening->TransferFailed",
            "TransferFailed->Speaking",
            "TransferFailed->Failed",
            "TransferFailed->Closed",
            "Concluding(transfer)->Failed",
            "Concluding(transfer)->Closed",
            "Failed->Closed");

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        samples()
                .forEach((from, fromPhase) ->
                        samples().forEach((to, toPhase) -> pairs.add(Arguments.of(from, fromPhase, to, toPhase))));
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("everyPair")
    void aMoveIsLegalExactlyWhenTheSpecListsIt(
            String from, ConversationPhase fromPhase, String to, ConversationPhase toPhase) {
        assertEquals(LEGAL.contains(from + "->" + to), fromPhase.mayMoveTo(toPhase), from + " -> " + to);
    }

    @Test
    void whatEachPhaseSaysAboutTheCall() {
        Map<String, ConversationPhase> phases = samples();
        assertTrue(phases.get("Listening").callerSteers());
        assertTrue(phases.get("Speaking").callerSteers());
        assertFalse(phases.get("Concluding(hangup)").callerSteers());
        assertFalse(phases.get("Failed").callerSteers());
        assertTrue(phases.get("Closed").closed());
        assertNull(phases.get("Listening").turn());
        assertNull(phases.get("Failed").turn());
        assertTrue(phases.get("Concluding(transfer)").transferred());
        assertFalse(phases.get("Concluding(hangup)").transferred());
        assertTrue(new ConversationPhase.Failed(FailureKind.TTS, true).transferred());
        assertEquals(FailureKind.TTS, phases.get("Failed").failure());
        assertEquals(FailureKind.LLM, new ConversationPhase.Closed(true, FailureKind.LLM).failure());
    }
}
