package com.spotfunnel.voice.pipeline.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ContinuationFilterTest {

    @Test
    void aTrueContinuationPassesUntouched() {
        ContinuationFilter filter = new ContinuationFilter("We open at");
        assertEquals(" nine", filter.accept(" nine"));
        assertEquals(" tomorrow.", filter.accept(" tomorrow."));
    }

    @Test
    void aRestartedAnswerLosesTheRepeatedPart() {
        ContinuationFilter filter = new ContinuationFilter("Sure thing. We open at ");
        assertEquals("", filter.accept("Sure thing."));
        assertEquals("", filter.accept(" We open"));
        assertEquals("nine.", filter.accept(" at nine."));
        assertEquals(" Bye.", filter.accept(" Bye."));
    }

    @Test
    void aContinuationThatOnlyLooksLikeTheStartIsReleased() {
        ContinuationFilter filter = new ContinuationFilter("Sure thing. We open at ");
        assertEquals("", filter.accept("Sure"));
        assertEquals("Sure, nine.", filter.accept(", nine."));
        ContinuationFilter shortOne = new ContinuationFilter("Sure thing. We open at ");
        assertEquals("", shortOne.accept("Sure"));
        assertEquals("Sure", shortOne.flush());
    }
}
