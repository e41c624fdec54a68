package com.spotfunnel.voice.pipeline.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spotfunnel.voice.events.bridge.PipelineMessage;
import com.spotfunnel.voice.events.payload.CostRecorded;
import com.spotfunnel.voice.events.payload.FailureKind;
import com.spotfunnel.voice.events.payload.ProviderFailed;
import com.spotfunnel.voice.events.payload.Speaker;
import com.spotfunnel.voice.events.payload.Stage;
import com.spotfunnel.voice.events.payload.TranscriptTurn;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One call's conversation in plain JUnit: what the gateway receives, step by step. */
class ConversationFlowTest {

    private final ConversationRig rig = new ConversationRig().start();

    @Test
    void theGreetingIsTurnZeroAndItsTranscriptFollowsThePlayedMark() {
        List<PipelineMessage.AgentAudio> audio = rig.of(PipelineMessage.AgentAudio.class);
        assertEquals(
                List.of("call-1-0"),
                audio.stream()
                        .map(PipelineMessage.AgentAudio::utteranceId)
                        .distinct()
                        .toList());
        assertTrue(audio.get(audio.size() - 1).last());
        assertEquals(0, audio.get(audio.size() - 1).audio().length);
        assertTrue(rig.turns(Speaker.AGENT).isEmpty(), "no transcript before the caller heard it");

        rig.conversation.onPlayed("call-1-0");

        TranscriptTurn greeting = rig.turns(Speaker.AGENT).get(0);
        assertEquals("Hello, thanks for calling. How can I help you today?", greeting.text());
        assertFalse(greeting.interrupted());
        assertTrue(rig.conversation.phase() instanceof ConversationPhase.Listening);
    }

    @Test
    void anUtteranceIsAnsweredSentenceBySentenceWithItsCosts() {
        rig.hearAll();
        rig.callerSays("When do you open?");
        rig.advance(Duration.ofMillis(450));
        rig.llm.says("We open at nine. ");
        rig.llm.says("Anything else?");
        rig.llm.completes();
        rig.hearAll();

        assertEquals("When do you open?", rig.turns(Speaker.CALLER).get(0).text());
        assertEquals(
                List.of(
                        "Hello, thanks for calling.",
                        "How can I help you today?",
                        "We open at nine.",
                        "Anything else?"),
                rig.tts.spoken);
        assertEquals(
                "We open at nine. Anything else?",
                rig.turns(Speaker.AGENT).get(1).text());
        assertEquals(2, rig.turns(Speaker.AGENT).get(1).turnIndex());
        assertTrue(rig.llm.requests.get(0).systemPrompt().contains("We open at nine."), "knowledge in the prompt");
        assertEquals("When do you open?", rig.llm.requests.get(0).lastUserText());
        assertEquals(List.of(Duration.ofMillis(450)), rig.metrics.turnLatencies);
        CostRecorded stt = rig.of(PipelineMessage.Cost.class).stream()
                .map(PipelineMessage.Cost::cost)
                .filter(c -> c.stage() == Stage.STT)
                .findFirst()
                .orElseThrow();
        assertEquals(1, stt.turnIndex());
        assertEquals(0, new BigDecimal("0.1").compareTo(stt.quantity())); // 800 bytes of 8 kHz μ-law
        assertTrue(rig.of(PipelineMessage.Cost.class).stream()
                .anyMatch(c -> c.cost().stage() == Stage.LLM && c.cost().turnIndex() == 2));
    }

    @Test
    void bargeInCancelsTheAnswerClearsItsAudioAndRecordsWhatWasHeard() {
        rig.hearAll();
        rig.callerSays("When do you open?");
        rig.llm.says("We open at nine. ");
        int before = rig.sent.size();

        rig.conversation.onSpeechStarted();
        rig.llm.says("And close at five. ");

        assertEquals(List.of(true), rig.llm.cancelled);
        List<PipelineMessage> after = rig.sent.subList(before, rig.sent.size());
        assertTrue(after.get(0) instanceof PipelineMessage.Clear, after.toString());
        TranscriptTurn cut = ((PipelineMessage.Transcript) after.get(1)).turn();
        assertEquals("We open at nine.", cut.text());
        assertTrue(cut.interrupted());
        assertEquals(2, after.size(), "nothing of the cut answer after Clear");
        assertEquals(1, rig.metrics.bargeIns);
        assertTrue(rig.conversation.phase() instanceof ConversationPhase.Listening);
    }

    @Test
    void bargeInBeforeAnyAudioSendsNoClear() {
        rig.hearAll();
        rig.callerSays("When do you open?");
        rig.conversation.onSpeechStarted();

        assertTrue(rig.of(PipelineMessage.Clear.class).isEmpty());
        TranscriptTurn cut = rig.turns(Speaker.AGENT).get(1);
        assertEquals("", cut.text());
        assertTrue(cut.interrupted());
    }

    @Test
    void theCallerCuttingIntoTheGreetingIsABargeInToo() {
        rig.conversation.onSpeechStarted();
        assertEquals(1, rig.of(PipelineMessage.Clear.class).size());
        assertTrue(rig.turns(Speaker.AGENT).get(0).interrupted());
    }

    @Test
    void goodbyeSpeaksTheFarewellWithoutTheLlmThenHangsUp() {
        rig.hearAll();
        rig.tts.hold = true;
        rig.callerSays("Great, thanks. Goodbye!");
        rig.conversation.onSpeechStarted(); // the caller keeps talking: the farewell goes on
        rig.tts.releaseAll();

        assertTrue(rig.llm.requests.isEmpty());
        assertTrue(rig.of(PipelineMessage.Clear.class).isEmpty());
        assertEquals(0, rig.metrics.bargeIns);
        PipelineMessage lastOut = rig.sent.get(rig.sent.size() - 1);
        assertEquals(new PipelineMessage.Hangup("caller said goodbye"), lastOut);
        int hangupAt = rig.sent.indexOf(lastOut);
        int lastAudioAt = rig.sent.lastIndexOf(rig.of(PipelineMessage.AgentAudio.class).stream()
                .filter(PipelineMessage.AgentAudio::last)
                .reduce((a, b) -> b)
                .orElseThrow());
        assertTrue(hangupAt > lastAudioAt, "Hangup after the farewell's last audio");
        assertEquals(
                "Thanks for calling. Goodbye!", rig.turns(Speaker.AGENT).get(1).text());
        assertTrue(rig.of(PipelineMessage.Transfer.class).isEmpty());
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(
            strings = {
                "Can I speak to a real person please",
                "Put me through to an operator",
                "I want a human",
                "bye, transfer me"
            })
    void askingForAPersonTransfersWithoutTheLlm(String words) {
        rig.hearAll();
        rig.callerSays(words);

        assertTrue(rig.llm.requests.isEmpty());
        assertEquals(1, rig.of(PipelineMessage.Transfer.class).size());
        assertTrue(rig.of(PipelineMessage.Hangup.class).isEmpty());
        assertEquals(
                "Of course. Let me connect you with someone now.",
                rig.turns(Speaker.AGENT).get(1).text());
        rig.conversation.close();
        assertTrue(rig.analysis.calls.get(0).transferred());
    }

    @Test
    void dtmfZeroInterruptsTheAnswerAndTransfers() {
        rig.hearAll();
        rig.callerSays("When do you open?");
        rig.llm.says("We open at nine. ");

        rig.conversation.onDtmf("0");

        assertEquals(List.of(true), rig.llm.cancelled);
        assertTrue(rig.turns(Speaker.AGENT).get(1).interrupted());
        assertEquals(1, rig.of(PipelineMessage.Transfer.class).size());
        assertTrue(rig.conversation.phase() instanceof ConversationPhase.Concluding);
    }

    @ParameterizedTest(name = "DTMF {0}")
    @ValueSource(strings = {"1", "2", "5", "9", "*", "#"})
    void otherKeysChangeNothing(String digit) {
        rig.hearAll();
        rig.conversation.onDtmf(digit);
        assertTrue(rig.of(PipelineMessage.Transfer.class).isEmpty());
        assertTrue(rig.conversation.phase() instanceof ConversationPhase.Listening);
    }

    @Test
    void sttFailsOverInOrderThenFailsTheCallWhenNoneIsLeft() {
        ConversationRig fresh = new ConversationRig();
        fresh.stt.broken.add("stt-a");
        fresh.start();
        assertEquals(List.of("stt-b"), fresh.stt.opened);
        ProviderFailed first =
                fresh.of(PipelineMessage.ProviderFailure.class).get(0).failure();
        assertEquals("stt-a", first.provider());
        assertEquals("stt-b", first.fallbackProvider());
        assertTrue(fresh.conversation.phase().callerSteers(), "a failover is not a failure");

        fresh.stt.session.breaks(false); // stt-b breaks mid-call and nothing is left

        List<String> kinds = fresh.kinds();
        assertEquals("Failed", kinds.get(kinds.size() - 1));
        assertEquals(
                FailureKind.STT, fresh.of(PipelineMessage.Failed.class).get(0).kind());
        assertEquals(
                List.of("stt-a", "stt-b"),
                fresh.of(PipelineMessage.ProviderFailure.class).stream()
                        .map(f -> f.failure().provider())
                        .toList());
        assertEquals(2, fresh.metrics.providerFailures);
    }

    @Test
    void aBrokenRecognizerReopensWithTheNextProviderAndAudioGoesThere() {
        rig.stt.session.breaks(false);
        assertEquals(List.of("stt-a", "stt-b"), rig.stt.opened);
        rig.conversation.onAudio(new byte[160]);
        assertEquals(160, rig.stt.session.audioBytes);
        assertTrue(rig.of(PipelineMessage.Failed.class).isEmpty());
    }

    @Test
    void audioBeforeTheRecognizerOpensIsKeptUpToTwoSeconds() {
        ConversationRig fresh = new ConversationRig();
        fresh.stt.hold = true;
        fresh.start();
        for (int i = 0; i < 120; i++) {
            fresh.conversation.onAudio(new byte[160]); // 2.4 s
        }
        fresh.stt.release();
        assertEquals(16_000, fresh.stt.session.audioBytes, "2 s of 8 kHz μ-law, the rest dropped");
    }

    @Test
    void theLlmFailingEndsTheAgentsTurnThenSaysFailedOnce() {
        rig.hearAll();
        rig.callerSays("When do you open?");
        rig.llm.says("We open ");
        rig.llm.fails();

        List<String> kinds = rig.kinds();
        assertEquals(List.of("ProviderFailure", "Transcript", "Failed"), kinds.subList(kinds.size() - 3, kinds.size()));
        assertEquals(
                FailureKind.LLM, rig.of(PipelineMessage.Failed.class).get(0).kind());
        assertTrue(rig.conversation.phase() instanceof ConversationPhase.Failed);
        assertTrue(rig.stt.session.closed);

        rig.callerSays("Hello?");
        rig.stt.session.listener.onSessionFailed(new IllegalStateException());
        assertEquals(1, rig.of(PipelineMessage.Failed.class).size());
        assertEquals(1, rig.llm.requests.size());
    }

    @Test
    void ttsFailingMidAnswerKeepsWhatWasSaidAndFails() {
        rig.hearAll();
        rig.tts.failOn = "close";
        rig.callerSays("When do you open?");
        rig.llm.says("We open at nine. ");
        rig.llm.says("We close at five. ");

        TranscriptTurn cut = rig.turns(Speaker.AGENT).get(1);
        assertEquals("We open at nine.", cut.text());
        assertTrue(cut.interrupted());
        assertEquals(
                FailureKind.TTS, rig.of(PipelineMessage.Failed.class).get(0).kind());
        assertEquals(List.of(true), rig.llm.cancelled, "the rest of the answer is not asked for");
    }

    @Test
    void theTransferAnnouncementFailingStillRecordsTheTransferAndTheFailure() {
        rig.hearAll();
        rig.tts.failOn = "connect you";
        rig.callerSays("Can I talk to a real person");
        rig.conversation.close();

        assertTrue(rig.of(PipelineMessage.Transfer.class).isEmpty(), "no transfer without its announcement");
        assertEquals(FailureKind.TTS, rig.analysis.calls.get(0).failure());
        assertTrue(rig.analysis.calls.get(0).transferred());
    }

    static Stream<Arguments> failovers() {
        return Stream.of(Arguments.of(1), Arguments.of(2), Arguments.of(3));
    }

    @ParameterizedTest(name = "{0} LLM failovers")
    @MethodSource("failovers")
    void llmFailoversAreReportedInOrderAndTheAnswerGoesOn(int count) {
        rig.hearAll();
        rig.callerSays("When do you open?");
        rig.llm.says("We open ");
        for (int i = 0; i < count; i++) {
            rig.llm.failsOver();
        }
        rig.llm.says("at nine.");
        rig.llm.completes();

        assertEquals(count, rig.of(PipelineMessage.ProviderFailure.class).size());
        assertEquals(count, rig.metrics.providerFailures);
        assertTrue(rig.of(PipelineMessage.Failed.class).isEmpty());
        int lastFailure = rig.sent.lastIndexOf(
                rig.of(PipelineMessage.ProviderFailure.class).get(count - 1));
        int firstAudio = rig.sent.indexOf(rig.of(PipelineMessage.AgentAudio.class).stream()
                .filter(a -> a.utteranceId().equals("call-1-2"))
                .findFirst()
                .orElseThrow());
        assertTrue(lastFailure < firstAudio, "the failovers (before the first sentence was whole) come first");
        rig.hearAll();
        assertEquals("We open at nine.", rig.turns(Speaker.AGENT).get(1).text());
    }

    @Test
    void wordsHeardWhileTheCallerSpeaksStartTheKnowledgeSearchEarly() {
        rig.hearAll();
        rig.conversation.onSpeechStarted();
        rig.conversation.onPartial("When do you open");
        rig.conversation.onPartial("When do you open");
        rig.conversation.onUtterance("When do you open?");

        assertEquals(List.of("When do you open"), rig.searches, "one search, started before the endpoint");
        assertEquals(List.of(true), rig.metrics.lookaheads);
    }

    @Test
    void theHistoryGoesToTheLlmWithCutAnswersMarked() {
        rig.hearAll();
        rig.callerSays("When do you open?");
        rig.llm.says("We open at nine. ");
        rig.callerSays("And on Sunday?");

        var messages = rig.llm.requests.get(1).messages();
        assertEquals("We open at nine. …", messages.get(messages.size() - 2).text());
        assertEquals("And on Sunday?", messages.get(messages.size() - 1).text());
    }
}
