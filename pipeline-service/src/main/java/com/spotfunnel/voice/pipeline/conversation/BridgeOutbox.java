package com.spotfunnel.voice.pipeline.conversation;

import com.spotfunnel.voice.events.bridge.BridgeCodec;
import com.spotfunnel.voice.events.bridge.PipelineMessage;
import com.spotfunnel.voice.support.websocket.TurnAudio;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * What a conversation sends on its call's socket. A TTS answer comes as a burst of audio chunks; the chunks of one
 * utterance that arrive in one event-loop turn go out as one {@code AgentAudio} message ({@link TurnAudio}) instead
 * of one message, one JSON document and one write each. Any other message (the utterance's closing
 * {@code AgentAudio(last)}, {@code Clear}, a transcript...) first writes the audio gathered before it, so the gateway
 * sees everything in the order the conversation sent it.
 */
final class BridgeOutbox implements Consumer<PipelineMessage> {

    /** The socket: one text message, and a way to run something after the current event-loop turn. */
    interface Socket {
        void sendText(String json);

        void afterThisTurn(Runnable task);
    }

    private final Socket socket;
    private final TurnAudio audio;
    /** The utterance the gathered audio belongs to (read by the end-of-turn write). */
    private volatile String utteranceId;
    /** The last utterance whose first write the turn trace noted. */
    private String traced;

    BridgeOutbox(Socket socket) {
        this.socket = socket;
        this.audio = new TurnAudio(socket::afterThisTurn, this::writeAudio);
    }

    @Override
    public synchronized void accept(PipelineMessage message) {
        if (message instanceof PipelineMessage.AgentAudio chunk
                && !chunk.last()
                && chunk.audio() != null
                && chunk.audio().length > 0) {
            if (!chunk.utteranceId().equals(utteranceId)) {
                audio.flush();
                utteranceId = chunk.utteranceId();
            }
            audio.add(chunk.audio());
            return;
        }
        audio.flush();
        socket.sendText(BridgeCodec.write(message));
    }

    private void writeAudio(byte[] bytes, int length) {
        if (TurnTrace.ON && !utteranceId.equals(traced)) {
            traced = utteranceId;
            TurnTrace.written(utteranceId, System.nanoTime());
        }
        socket.sendText(
                BridgeCodec.write(new PipelineMessage.AgentAudio(utteranceId, Arrays.copyOf(bytes, length), false)));
    }
}
