package com.spotfunnel.voice.gateway.media;

import com.spotfunnel.voice.support.websocket.TurnAudio;

/**
 * One Media Streams connection as {@link TwilioLink}: Twilio's outbound JSON built from per-stream prefixes
 * ({@link MediaCodec.Outbound}), and the agent audio of one event-loop turn written as one media message
 * ({@link TurnAudio}: the pipeline's chunks of an answer arrive as a burst, and each message would be a write and a
 * flush of its own). Twilio plays outbound media of any size in order (shared/PROTOCOLS.md §3), so the caller hears
 * the same audio; a mark is written after the audio before it, and a clear drops audio not yet written (Twilio would
 * drop it anyway).
 */
final class MediaStreamLink implements TwilioLink {

    /** What the link writes to: the connection, and a way to run something after the current event-loop turn. */
    interface Socket {
        boolean isOpen();

        void sendText(String json);

        void close();

        /** Runs {@code task} on the connection's event loop once the work in hand (the current turn) is done. */
        void afterThisTurn(Runnable task);
    }

    private final Socket socket;
    private final MediaCodec.Outbound outbound;
    private final TurnAudio audio;

    MediaStreamLink(String streamSid, Socket socket) {
        this.socket = socket;
        this.outbound = MediaCodec.outbound(streamSid);
        this.audio = new TurnAudio(socket::afterThisTurn, (bytes, length) -> send(outbound.media(bytes, length)));
    }

    @Override
    public void sendAudio(byte[] mulaw) {
        audio.add(mulaw);
    }

    @Override
    public synchronized void sendMark(String name) {
        audio.flush();
        send(outbound.mark(name));
    }

    @Override
    public synchronized void sendClear() {
        audio.drop();
        send(outbound.clear());
    }

    @Override
    public synchronized void close() {
        audio.flush();
        if (socket.isOpen()) {
            socket.close();
        }
    }

    private void send(String json) {
        if (socket.isOpen()) {
            socket.sendText(json);
        }
    }
}
