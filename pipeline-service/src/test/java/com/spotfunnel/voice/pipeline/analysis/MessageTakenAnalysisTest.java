package com.spotfunnel.voice.pipeline.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spotfunnel.voice.events.payload.CallAnalyzed;
import com.spotfunnel.voice.events.payload.Speaker;
import com.spotfunnel.voice.events.payload.TranscriptTurn;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 14: a call on which the agent took a message instead of a transfer is an action item with the message. */
class MessageTakenAnalysisTest {

    private static final List<TranscriptTurn> TRANSCRIPT = List.of(
            new TranscriptTurn(0, Speaker.CALLER, "It's Jane on 0400 111 222, my boiler is leaking", 0, 900, false));

    @Test
    void aMessageTakenAfterAFailedTransferRequiresACallbackWhateverTheLlmSaid() {
        FinishedCall call =
                new FinishedCall("t-1", "c-1", "+61400111222", TRANSCRIPT, false, null, List.of("llm-a"), "busy");
        CallAnalyzed analyzed = new CallAnalyzer(null, null)
                .parse(
                        "{\"summary\":\"Jane's boiler leaks\",\"reasonForCalling\":\"leaking boiler\","
                                + "\"outcome\":\"question_answered\",\"capturedData\":{\"name\":\"Jane\","
                                + "\"phone\":\"0400 111 222\"},\"requiresAction\":false,\"priority\":\"high\"}",
                        call);

        assertTrue(analyzed.requiresAction());
        assertEquals("callback_requested", analyzed.outcome());
        assertEquals("Jane", analyzed.capturedData().get("name"));
        assertEquals("0400 111 222", analyzed.capturedData().get("phone"));
        assertEquals("busy", analyzed.capturedData().get("messageTakenBecause"));
        assertTrue(CallAnalyzer.basic(call, "unavailable").requiresAction(), "also when the LLM analysis fails");
    }

    @Test
    void anOrdinaryCallIsLeftAsTheLlmSaid() {
        FinishedCall call = new FinishedCall("t-1", "c-1", "+61400111222", TRANSCRIPT, false, null, List.of("llm-a"));
        CallAnalyzed analyzed = new CallAnalyzer(null, null)
                .parse("{\"outcome\":\"question_answered\",\"requiresAction\":false}", call);
        assertFalse(analyzed.requiresAction());
        assertEquals("question_answered", analyzed.outcome());
    }
}
