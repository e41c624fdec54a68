package com.spotfunnel.voice.pipeline.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spotfunnel.voice.events.stress.Verdict;
import org.junit.jupiter.api.Test;

/** How the judge's answer becomes a verdict: strict JSON, anything else a failed verdict saying why. */
class JudgeTest {

    @Test
    void aWellFormedPassingAnswerPasses() {
        Verdict verdict = Judge.read(
                "{\"politeness\": 5, \"accuracy\": 4, \"escalation\": 3, \"pass\": true, " + "\"reason\": \"Fine.\"}",
                3);
        assertEquals(new Verdict("PASS", 5, 4, 3, "Fine."), verdict);
    }

    @Test
    void aCodeFenceAroundTheObjectIsTolerated() {
        assertTrue(Judge.read(
                        "```json\n{\"politeness\":4,\"accuracy\":4,\"escalation\":4,\"pass\":true,\"reason\":\"ok\"}\n```",
                        3)
                .passed());
    }

    @Test
    void theJudgeSayingFailFails() {
        Verdict verdict = Judge.read(
                "{\"politeness\":2,\"accuracy\":1,\"escalation\":3,\"pass\":false,\"reason\":\"Made up a price.\"}", 3);
        assertEquals(new Verdict("FAIL", 2, 1, 3, "Made up a price."), verdict);
    }

    @Test
    void aPassWithAScoreBelowTheMinimumFails() {
        Verdict verdict = Judge.read(
                "{\"politeness\":5,\"accuracy\":2,\"escalation\":5,\"pass\":true,\"reason\":\"Mostly fine.\"}", 3);
        assertEquals("FAIL", verdict.overallResult());
        assertEquals("Mostly fine. (a score is below 3)", verdict.reason());
    }

    @Test
    void garbageIsAFailedVerdictThatSaysWhy() {
        Verdict prose = Judge.read("The agent did great, 5/5!", 3);
        assertEquals("FAIL", prose.overallResult());
        assertNull(prose.politeness());
        assertEquals("judge answer unreadable (not a JSON object): The agent did great, 5/5!", prose.reason());

        assertEquals(
                "judge answer unreadable (\"accuracy\" is not a whole number from 1 to 5): {\"politeness\":5,"
                        + "\"accuracy\":9,\"escalation\":5,\"pass\":true}",
                Judge.read("{\"politeness\":5,\"accuracy\":9,\"escalation\":5,\"pass\":true}", 3)
                        .reason());
        assertEquals(
                "judge answer unreadable (\"pass\" is not true or false): {\"politeness\":5,\"accuracy\":5,"
                        + "\"escalation\":5,\"pass\":\"yes\"}",
                Judge.read("{\"politeness\":5,\"accuracy\":5,\"escalation\":5,\"pass\":\"yes\"}", 3)
                        .reason());
        assertEquals("FAIL", Judge.read("", 3).overallResult());
        assertEquals("FAIL", Judge.read(null, 3).overallResult());
    }
}
