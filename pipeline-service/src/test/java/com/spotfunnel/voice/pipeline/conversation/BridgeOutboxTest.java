package com.spotfunnel.voice.pipeline.conversation;

import static com.spotfunnel.voice.infra.testing.TestAudio.bytes;
import static com.spotfunnel.voice.infra.testing.TestAudio.concat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spotfunnel.voice.events.bridge.BridgeCodec;
import com.spotfunnel.voice.events.bridge.PipelineMessage;
import com.spotfunnel.voice.infra.testing.EventLoopTurns;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The conversation's messages as the gateway reads them: an utterance's audio chunks of one event-loop turn as one
 * {@code AgentAudio}, bytes in order, and every other message after the audio sent before it.
 */
class BridgeOutboxTest {

    private final FakeSocket socket = new FakeSocket();
    private final BridgeOutbox outbox = new BridgeOutbox(socket);

    @Test
    void chunksOfOneTurnAreOneMessage() {
        outbox.accept(audio("c-1", bytes(1600, 1)));
        outbox.accept(audio("c-1", bytes(1600, 2)));
        outbox.accept(audio("c-1", bytes(400, 3)));
        assertTrue(socket.sent.isEmpty(), "nothing is written before the turn is over");

        socket.endTurn();

        List<PipelineMessage> read = socket.read();
        assertEquals(1, read.size());
        PipelineMessage.AgentAudio one = assertInstanceOf(PipelineMessage.AgentAudio.class, read.get(0));
        assertEquals("c-1", one.utteranceId());
        assertEquals(false, one.last());
        assertArrayEquals(concat(bytes(1600, 1), bytes(1600, 2), bytes(400, 3)), one.audio());
    }

    @Test
    void theClosingFrameAndOtherMessagesComeAfterTheAudioBeforeThem() {
        outbox.accept(audio("c-1", bytes(800, 1)));
        outbox.accept(new PipelineMessage.AgentAudio("c-1", new byte[0], true));
        outbox.accept(audio("c-2", bytes(800, 2)));
        outbox.accept(new PipelineMessage.Clear("caller_speech"));
        socket.endTurn();

        List<PipelineMessage> read = socket.read();
        assertEquals(4, read.size(), read.toString());
        assertArrayEquals(bytes(800, 1), ((PipelineMessage.AgentAudio) read.get(0)).audio());
        assertTrue(((PipelineMessage.AgentAudio) read.get(1)).last());
        assertEquals("c-2", ((PipelineMessage.AgentAudio) read.get(2)).utteranceId());
        assertInstanceOf(PipelineMessage.Clear.class, read.get(3));
    }

    @Test
    void anotherUtterancesAudioIsAMessageOfItsOwn() {
        outbox.accept(audio("c-1", bytes(160, 1)));
        outbox.accept(audio("c-2", bytes(160, 2)));
        socket.endTurn();

        List<PipelineMessage> read = socket.read();
        assertEquals(2, read.size());
        assertEquals("c-1", ((PipelineMessage.AgentAudio) read.get(0)).utteranceId());
        assertEquals("c-2", ((PipelineMessage.AgentAudio) read.get(1)).utteranceId());
        assertArrayEquals(bytes(160, 2), ((PipelineMessage.AgentAudio) read.get(1)).audio());
    }

    @Test
    void eachTurnsAudioIsItsOwnMessage() {
        outbox.accept(audio("c-1", bytes(160, 1)));
        socket.endTurn();
        outbox.accept(audio("c-1", bytes(160, 2)));
        socket.endTurn();

        assertEquals(2, socket.read().size());
    }

    private static PipelineMessage.AgentAudio audio(String utteranceId, byte[] bytes) {
        return new PipelineMessage.AgentAudio(utteranceId, bytes, false);
    }

    private static final class FakeSocket implements BridgeOutbox.Socket {
        final List<String> sent = new ArrayList<>();
        final EventLoopTurns turns = new EventLoopTurns();

        @Override
        public void sendText(String json) {
            sent.add(json);
        }

        @Override
        public void afterThisTurn(Runnable task) {
            turns.later(task);
        }

        void endTurn() {
            turns.end();
        }

        List<PipelineMessage> read() {
            return sent.stream()
                    .map(json -> BridgeCodec.readPipelineMessage(json).orElseThrow())
                    .toList();
        }
    }
}
