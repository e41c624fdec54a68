package com.spotfunnel.voice.gateway.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.spotfunnel.voice.events.payload.CallStatus;
import com.spotfunnel.voice.events.payload.FailureKind;
import com.spotfunnel.voice.gateway.fallback.FallbackPlan;
import com.spotfunnel.voice.gateway.media.CallPhase.TwilioAnswer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The gateway's phase table, pair by pair: every move a call may make, and that every other one is refused. */
class CallPhaseTest {

    private static final FallbackPlan PLAN = new FallbackPlan(FailureKind.LLM, "Sorry.", null, "<Response/>");
    private static final FallbackPlan DIALLING =
            new FallbackPlan(FailureKind.TTS, "Sorry.", "+61255501234", "<Response/>");
    private static final CallEnding ABANDONED = new CallEnding(CallStatus.ABANDONED, "caller_hangup");

    /** One phase of each kind and shape, by name. */
    static Map<String, CallPhase> samples() {
        Map<String, CallPhase> phases = new LinkedHashMap<>();
        phases.put("Live", new CallPhase.Live());
        phases.put("SayingGoodbye", new CallPhase.SayingGoodbye());
        phases.put("ClosingStream", new CallPhase.ClosingStream(true));
        phases.put("Transferring", new CallPhase.Transferring("+61255501234", null));
        phases.put("Transferring+end", new CallPhase.Transferring("+61255501234", "caller_hangup"));
        phases.put("Transferred", new CallPhase.Transferred("+61255501234"));
        phases.put("Dialing", new CallPhase.Dialing("+61255501234", 1));
        phases.put("ReturningToAgent", new CallPhase.ReturningToAgent("+61255501234", "no-answer", 2));
        phases.put("ReturnedToAgent", new CallPhase.ReturnedToAgent("no-answer"));
        phases.put("Fallback(pending)", new CallPhase.PlayingFallback(PLAN, TwilioAnswer.PENDING, null));
        phases.put("Fallback(pending+end)", new CallPhase.PlayingFallback(PLAN, TwilioAnswer.PENDING, "caller_hangup"));
        phases.put("Fallback(accepted)", new CallPhase.PlayingFallback(PLAN, TwilioAnswer.ACCEPTED, null));
        phases.put("Fallback(refused)", new CallPhase.PlayingFallback(PLAN, TwilioAnswer.REFUSED, null));
        phases.put("Draining", new CallPhase.Draining(ABANDONED, 1));
        phases.put("Ended", new CallPhase.Ended(ABANDONED));
        return phases;
    }

    /** The legal moves between the samples, written out: the spec the table in CallPhase must match. */
    static final Set<String> LEGAL = Set.of(
            "Live->SayingGoodbye",
            "Live->Transferring",
            "Live->Transferring+end",
            "Live->ReturnedToAgent",
            "Live->Fallback(pending)",
            "Live->Fallback(pending+end)",
            "Live->Fallback(accepted)",
            "Live->Fallback(refused)",
            "Live->Draining",
            "Live->Ended",
            "SayingGoodbye->ClosingStream",
            "SayingGoodbye->Fallback(pending)",
            "SayingGoodbye->Fallback(pending+end)",
            "SayingGoodbye->Fallback(accepted)",
            "SayingGoodbye->Fallback(refused)",
            "SayingGoodbye->Draining",
            "SayingGoodbye->Ended",
            "ClosingStream->Fallback(pending)",
            "ClosingStream->Fallback(pending+end)",
            "ClosingStream->Fallback(accepted)",
            "ClosingStream->Fallback(refused)",
            "ClosingStream->Draining",
            "ClosingStream->Ended",
            "Transferring->Transferring+end",
            "Transferring->Transferred",
            "Transferring->ClosingStream",
            "Transferring->Fallback(pending)",
            "Transferring->Fallback(pending+end)",
            "Transferring->Fallback(accepted)",
            "Transferring->Fallback(refused)",
            "Transferring+end->Transferred",
            "Transferring+end->ClosingStream",
            "Transferring+end->Fallback(pending)",
            "Transferring+end->Fallback(pending+end)",
            "Transferring+end->Fallback(accepted)",
            "Transferring+end->Fallback(refused)",
            "Transferred->Dialing",
            "Dialing->ReturningToAgent",
            "Dialing->Draining",
            "Dialing->Ended",
            "ReturningToAgent->ReturnedToAgent",
            "ReturningToAgent->Draining",
            "ReturningToAgent->Ended",
            "ReturnedToAgent->SayingGoodbye",
            "ReturnedToAgent->Fallback(pending)",
            "ReturnedToAgent->Fallback(pending+end)",
            "ReturnedToAgent->Fallback(accepted)",
            "ReturnedToAgent->Fallback(refused)",
            "ReturnedToAgent->Draining",
            "ReturnedToAgent->Ended",
            "Transferred->Fallback(pending)",
            "Transferred->Fallback(pending+end)",
            "Transferred->Fallback(accepted)",
            "Transferred->Fallback(refused)",
            "Transferred->Draining",
            "Transferred->Ended",
            "Fallback(pending)->Fallback(pending+end)",
            "Fallback(pending)->Fallback(accepted)",
            "Fallback(pending)->Fallback(refused)",
            "Fallback(pending+end)->Fallback(accepted)",
            "Fallback(pending+end)->Fallback(refused)",
            "Fallback(accepted)->Draining",
            "Fallback(accepted)->Ended",
            "Fallback(refused)->Draining",
            "Fallback(refused)->Ended",
            "Draining->Ended");

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        samples()
                .forEach((from, fromPhase) ->
                        samples().forEach((to, toPhase) -> pairs.add(Arguments.of(from, fromPhase, to, toPhase))));
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("everyPair")
    void aMoveIsLegalExactlyWhenTheSpecListsIt(String from, CallPhase fromPhase, String to, CallPhase toPhase) {
        assertEquals(LEGAL.contains(from + "->" + to), fromPhase.mayMoveTo(toPhase), from + " -> " + to);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endings")
    void theStatusAStreamEndGivesFollowsFromThePhase(
            String name, CallPhase phase, boolean callerSpoke, CallStatus status, String reason) {
        assertEquals(new CallEnding(status, reason), phase.endingNow("caller_hangup", callerSpoke));
    }

    static Stream<Arguments> endings() {
        CallEnding completed = new CallEnding(CallStatus.COMPLETED, "agent_goodbye");
        return Stream.of(
                Arguments.of("live, silent caller", new CallPhase.Live(), false, CallStatus.ABANDONED, "caller_hangup"),
                Arguments.of("live, caller spoke", new CallPhase.Live(), true, CallStatus.COMPLETED, "caller_hangup"),
                Arguments.of(
                        "goodbye not yet heard",
                        new CallPhase.SayingGoodbye(),
                        true,
                        CallStatus.COMPLETED,
                        "caller_hangup"),
                Arguments.of(
                        "goodbye heard",
                        new CallPhase.ClosingStream(true),
                        false,
                        CallStatus.COMPLETED,
                        "agent_goodbye"),
                Arguments.of(
                        "transfer refused, silent",
                        new CallPhase.ClosingStream(false),
                        false,
                        CallStatus.ABANDONED,
                        "caller_hangup"),
                Arguments.of("transferred", new CallPhase.Transferred("+1"), false, CallStatus.TRANSFERRED, "transfer"),
                Arguments.of("dialing", new CallPhase.Dialing("+1", 1), false, CallStatus.TRANSFERRED, "transfer"),
                Arguments.of(
                        "returning to the agent, caller spoke",
                        new CallPhase.ReturningToAgent("+1", "busy", 1),
                        true,
                        CallStatus.COMPLETED,
                        "caller_hangup"),
                Arguments.of(
                        "back with the agent, silent",
                        new CallPhase.ReturnedToAgent("busy"),
                        false,
                        CallStatus.ABANDONED,
                        "caller_hangup"),
                Arguments.of(
                        "fallback accepted, hang-up",
                        new CallPhase.PlayingFallback(PLAN, TwilioAnswer.ACCEPTED, null),
                        true,
                        CallStatus.FAILED,
                        "ai_failure"),
                Arguments.of(
                        "fallback accepted, dial",
                        new CallPhase.PlayingFallback(DIALLING, TwilioAnswer.ACCEPTED, null),
                        true,
                        CallStatus.TRANSFERRED,
                        "ai_failure"),
                Arguments.of(
                        "fallback refused, dial",
                        new CallPhase.PlayingFallback(DIALLING, TwilioAnswer.REFUSED, null),
                        true,
                        CallStatus.FAILED,
                        "ai_failure"),
                Arguments.of(
                        "draining keeps its ending",
                        new CallPhase.Draining(completed, 1),
                        false,
                        CallStatus.COMPLETED,
                        "agent_goodbye"),
                Arguments.of(
                        "ended keeps its ending",
                        new CallPhase.Ended(completed),
                        false,
                        CallStatus.COMPLETED,
                        "agent_goodbye"));
    }
}
