package com.spotfunnel.voice.pipeline.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spotfunnel.voice.events.bridge.PipelineMessage;
import com.spotfunnel.voice.events.tenant.AgentConfig;
import com.spotfunnel.voice.events.tenant.BusinessHours;
import com.spotfunnel.voice.pipeline.analysis.FinishedCall;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, the agent's side: a transfer that did not connect, and a transfer asked for outside business hours, both
 * end in a message the tenant's staff owe a callback for. On the old code the conversation stayed Concluding after a
 * Transfer (the caller was cut off) and transferred at any hour.
 */
class TransferMessageTest {

    /** Monday to Friday 9:00–17:00 in Sydney. */
    private static final BusinessHours OFFICE = new BusinessHours(
            "Australia/Sydney",
            List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)
                    .stream()
                    .map(day -> new BusinessHours.OpeningHours(day, LocalTime.of(9, 0), LocalTime.of(17, 0)))
                    .toList());

    @Test
    void aTransferThatDidNotConnectTakesAMessageThatRequiresACallback() {
        ConversationRig rig = new ConversationRig().start().driveTo("Concluding(transfer)");
        rig.tts.releaseAll();
        assertEquals(1, rig.of(PipelineMessage.Transfer.class).size());
        int sttOpened = rig.stt.opened.size();

        rig.conversation.onTransferReturned("no-answer");

        assertTrue(
                rig.conversation.phase() instanceof ConversationPhase.Speaking,
                rig.conversation.phase().name());
        assertTrue(
                String.join(" ", rig.tts.spoken).contains("nobody could take your call just now"),
                rig.tts.spoken.toString());
        assertEquals(sttOpened + 1, rig.stt.opened.size(), "recognition starts afresh on the new stream");
        rig.hearAll();
        rig.callerSays("It's Jane Citizen on 0400 111 222, my boiler is leaking");
        assertEquals(1, rig.llm.requests.size(), "the agent goes on with the caller");
        assertEquals(1, rig.of(PipelineMessage.Transfer.class).size(), "no second transfer");
        rig.conversation.close();

        FinishedCall call = rig.analysis.calls.get(0);
        assertEquals("no-answer", call.messageFor());
        assertTrue(!call.transferred(), "the caller was not handed over");
        assertEquals(List.of(), rig.metrics.illegalMoves);
    }

    /**
     * The Dial's outcome reached a gateway instance that did not hold the call: it carries the caller on as a new call
     * whose first message after the start is TransferReturned. On the old code the agent ignored it and greeted the
     * caller as if they had just called.
     */
    @Test
    void aCallCarriedOnByAnotherGatewayInstanceStartsWithTheApologyAndTakesAMessage() {
        ConversationRig rig = new ConversationRig().start(); // the greeting is under way

        rig.conversation.onTransferReturned("busy");

        assertTrue(
                rig.conversation.phase() instanceof ConversationPhase.Speaking,
                rig.conversation.phase().name());
        assertTrue(
                String.join(" ", rig.tts.spoken).contains("nobody could take your call just now"),
                rig.tts.spoken.toString());
        rig.hearAll();
        rig.callerSays("It's Jane Citizen on 0400 111 222, my boiler is leaking");
        rig.tts.releaseAll();
        rig.hearAll();
        rig.callerSays("Can I talk to a real person");
        rig.tts.releaseAll();
        assertEquals(List.of(), rig.of(PipelineMessage.Transfer.class), "no second transfer");
        rig.conversation.close();
        assertEquals("busy", rig.analysis.calls.get(0).messageFor());
        assertEquals(List.of(), rig.metrics.illegalMoves);
    }

    @Test
    void aCallWhoseCallerHasSpokenIgnoresAReturnItDidNotAskFor() {
        ConversationRig rig = new ConversationRig().start().driveTo("Speaking(answer)");
        ConversationPhase before = rig.conversation.phase();

        rig.conversation.onTransferReturned("no-answer");

        assertEquals(before, rig.conversation.phase());
        assertTrue(
                rig.tts.spoken.stream().noneMatch(line -> line.contains("nobody could take your call just now")),
                rig.tts.spoken.toString());
    }

    @Test
    void outsideBusinessHoursTheAgentTakesAMessageAndSaysWhenTheTeamIsBack() {
        ConversationRig rig = new ConversationRig();
        rig.agentConfig = new AgentConfig("prompt", "Hello.", null, null, "+61255501234", Map.of(), OFFICE);
        // Saturday 5 Dec 2026, 11:00 in Sydney
        rig.clock = Clock.fixed(Instant.parse("2026-12-05T00:00:00Z"), ZoneOffset.UTC);
        rig.start().driveTo("Listening");

        rig.callerSays("Can I talk to a real person");

        assertEquals(List.of(), rig.of(PipelineMessage.Transfer.class), "no transfer is tried");
        assertTrue(
                String.join(" ", rig.tts.spoken).contains("they're back Monday at 9:00 AM"), rig.tts.spoken.toString());
        assertTrue(rig.conversation.phase() instanceof ConversationPhase.Speaking, "the caller can still talk");
        rig.conversation.onDtmf("0");
        assertEquals(List.of(), rig.of(PipelineMessage.Transfer.class), "nor on 0");
        rig.conversation.close();
        assertEquals("after_hours", rig.analysis.calls.get(0).messageFor());
    }

    @Test
    void withinBusinessHoursTheTransferGoesAhead() {
        ConversationRig rig = new ConversationRig();
        rig.agentConfig = new AgentConfig("prompt", "Hello.", null, null, "+61255501234", Map.of(), OFFICE);
        // Monday 7 Dec 2026, 10:00 in Sydney
        rig.clock = Clock.fixed(Instant.parse("2026-12-06T23:00:00Z"), ZoneOffset.UTC);
        rig.start().driveTo("Listening");

        rig.callerSays("Can I talk to a real person");
        rig.tts.releaseAll();

        assertEquals(1, rig.of(PipelineMessage.Transfer.class).size());
    }
}
