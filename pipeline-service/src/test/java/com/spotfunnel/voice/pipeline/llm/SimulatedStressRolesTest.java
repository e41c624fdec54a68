package com.spotfunnel.voice.pipeline.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.spotfunnel.voice.events.stress.ConversationResult.Turn;
import com.spotfunnel.voice.events.stress.PersonaSpec;
import com.spotfunnel.voice.events.stress.Verdict;
import com.spotfunnel.voice.pipeline.stress.CallerPersona;
import com.spotfunnel.voice.pipeline.stress.Judge;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulated LLM plays a stress test's caller and judge deterministically (the local stack needs no keys). */
class SimulatedStressRolesTest {

    private static final PersonaSpec ASKER =
            new PersonaSpec("asker", "Wants the hours.", null, List.of("When are you open?", "And on Saturdays?"));

    @Test
    void asTheCallerItSaysThePersonasLinesInOrderThenGoodbye() {
        assertEquals("When are you open?", callerAfter(List.of(new Turn("agent", "Hello"))));
        assertEquals(
                "And on Saturdays?",
                callerAfter(List.of(
                        new Turn("agent", "Hello"),
                        new Turn("caller", "When are you open?"),
                        new Turn("agent", "Nine to five."))));
        assertEquals(
                CallerPersona.LAST_LINE,
                callerAfter(List.of(
                        new Turn("agent", "Hello"),
                        new Turn("caller", "When are you open?"),
                        new Turn("agent", "Nine to five."),
                        new Turn("caller", "And on Saturdays?"),
                        new Turn("agent", "Closed."))));
    }

    @Test
    void asTheJudgeItPassesAnAnsweredCallAndFailsAnUnansweredOne() {
        Verdict answered = judged("Agent: Hello\nCaller: When are you open?\nAgent: Nine to five.");
        assertEquals(new Verdict("PASS", 4, 4, 4, "Simulated judge: every caller line was answered."), answered);
        Verdict unanswered = judged("Agent: Hello\nCaller: When are you open?");
        assertEquals("FAIL", unanswered.overallResult());
    }

    private static String callerAfter(List<Turn> turns) {
        return SimulatedLlm.answer(CallerPersona.request(ASKER, "Acme", "plumbing", turns));
    }

    private static Verdict judged(String transcript) {
        return Judge.read(
                SimulatedLlm.answer(
                        Judge.request("You are Acme's receptionist.", ASKER, transcript, "the caller said goodbye")),
                3);
    }
}
