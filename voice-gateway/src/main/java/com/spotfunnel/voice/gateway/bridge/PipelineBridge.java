package com.spotfunnel.voice.gateway.bridge;

import com.spotfunnel.voice.events.bridge.BridgeCodec;
import com.spotfunnel.voice.events.bridge.GatewayMessage;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One call's socket to pipeline-service. Until it is open, caller audio is buffered (bounded) and control
 * messages are queued. After {@link #hangUp} nothing more is sent but the pipeline's last messages are still
 * read; after {@link #close} nothing more is sent and no break is reported.
 */
public final class PipelineBridge implements PipelineLink {

    private final int maxBufferedFrames;
    private final Deque<Object> pending = new ArrayDeque<>();
    private WebSocket socket;
    private boolean closed;
    private boolean hungUp;
    private long droppedFrames;

    public PipelineBridge(int maxBufferedFrames) {
        this.maxBufferedFrames = maxBufferedFrames;
    }

    public synchronized void opened(WebSocket socket) {
        if (closed) {
            socket.close();
            return;
        }
        this.socket = socket;
        while (!pending.isEmpty()) {
            write(pending.poll());
        }
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    public synchronized void send(GatewayMessage message) {
        enqueueOrWrite(BridgeCodec.write(message));
    }

    /** Caller audio: raw μ-law as Twilio sent it. Dropped (and counted) when the socket cannot keep up. */
    public synchronized void sendAudio(byte[] mulaw) {
        if (socket == null && pending.size() >= maxBufferedFrames) {
            droppedFrames++;
            return;
        }
        if (socket != null && socket.writeQueueFull()) {
            droppedFrames++;
            return;
        }
        enqueueOrWrite(Buffer.buffer(mulaw));
    }

    public synchronized long droppedFrames() {
        return droppedFrames;
    }

    /**
     * Half-close: sends the message (the caller hung up) and stops sending, but keeps the socket open so the
     * pipeline's final messages are still delivered to the listener. The pipeline closing the socket afterwards
     * reaches the listener as {@link BridgeListener#onBridgeBroken}; {@link #close} ends it from our side.
     */
    public synchronized void hangUp(GatewayMessage last) {
        if (closed || hungUp) {
            return;
        }
        if (last != null) {
            send(last);
        }
        hungUp = true;
    }

    /** Sends the message (if any, and unless already hung up) and closes; the close is ours, so it is not a break. */
    public synchronized void close(GatewayMessage last) {
        if (closed) {
            return;
        }
        if (last != null) {
            send(last);
        }
        closed = true;
        if (socket != null) {
            socket.close();
        }
    }

    private void enqueueOrWrite(Object frame) {
        if (closed || hungUp) {
            return;
        }
        if (socket == null) {
            pending.add(frame);
        } else {
            write(frame);
        }
    }

    private void write(Object frame) {
        if (frame instanceof String text) {
            socket.writeTextMessage(text);
        } else {
            socket.writeBinaryMessage((Buffer) frame);
        }
    }
}
