package com.spotfunnel.voice.support.websocket;

import io.vertx.core.Context;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Audio gathered during one event-loop turn and written once at its end. A TTS answer reaches a socket as a burst of
 * chunks, and every WebSocket message is a write and a flush (a system call) of its own: the voice path's two hops
 * (pipeline → gateway, gateway → Twilio) send the chunks of one turn as one message instead. Whoever sends anything
 * else on the same socket calls {@link #flush} first, so the order of audio and control messages is kept.
 * Thread-safe; the write runs on the caller's thread ({@link #flush}) or from {@code afterThisTurn}.
 */
public final class TurnAudio {

    /** Writes {@code length} bytes of {@code audio} as one message; the array is reused after it returns. */
    public interface Sink {
        void write(byte[] audio, int length);
    }

    /** 1 s of 8 kHz μ-law: the buffer kept between bursts; a longer burst's is let go after it is written. */
    private static final int MAX_KEPT_BYTES = 8000;

    /**
     * 4 s of 8 kHz μ-law (about 43 KB as base64 JSON): a burst beyond it is written in several messages, so a long answer
     * synthesised at once never meets a socket's frame or message limit (the gateway's client takes 1 MiB frames). Chunks
     * are never split: one chunk larger than this (no TTS sends 4 s in one chunk) goes out as a message of its own.
     */
    public static final int MAX_MESSAGE_BYTES = 32_000;

    private final Consumer<Runnable> afterThisTurn;
    private final Sink sink;
    private byte[] pending = new byte[0];
    private int pendingBytes;
    private boolean flushScheduled;

    /**
     * @param afterThisTurn runs a task on the socket's event loop once the work in hand is done (Vert.x
     *     {@code Context.runOnContext}); running it at once sends every chunk as it comes
     */
    public TurnAudio(Consumer<Runnable> afterThisTurn, Sink sink) {
        this.afterThisTurn = afterThisTurn;
        this.sink = sink;
    }

    public synchronized void add(byte[] audio) {
        if (audio.length == 0) {
            return;
        }
        if (pendingBytes > 0 && pendingBytes + audio.length > MAX_MESSAGE_BYTES) {
            flush(); // a message of its own for what came before: gathered chunks never pass the limit together
        }
        if (pendingBytes + audio.length > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pendingBytes + audio.length, 2 * pending.length));
        }
        System.arraycopy(audio, 0, pending, pendingBytes, audio.length);
        pendingBytes += audio.length;
        if (!flushScheduled) {
            flushScheduled = true;
            afterThisTurn.accept(this::flush);
        }
    }

    /** Writes what was gathered, if anything, now. */
    public synchronized void flush() {
        flushScheduled = false;
        if (pendingBytes == 0) {
            return;
        }
        int length = pendingBytes;
        pendingBytes = 0;
        sink.write(pending, length);
        if (pending.length > MAX_KEPT_BYTES) {
            pending = new byte[0];
        }
    }

    /**
     * Runs {@code task} on {@code context}'s event loop after the work in hand (the rest of the current turn's
     * messages); without a context (not on a Vert.x thread) at once.
     */
    public static void afterThisTurn(Context context, Runnable task) {
        if (context == null) {
            task.run();
        } else {
            context.runOnContext(ignored -> task.run());
        }
    }

    /** Forgets what was gathered and not written (barge-in: the caller must not hear it). */
    public synchronized void drop() {
        pendingBytes = 0;
    }
}
