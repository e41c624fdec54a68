package com.spotfunnel.voice.pipeline.conversation;

import com.spotfunnel.voice.events.bridge.PipelineMessage;
import io.smallrye.mutiny.subscription.Cancellable;

/** One thing the agent says: its utterance id on the socket, what the caller has heard of it, how it ended. */
final class AgentTurn {

    final int index;
    final String utteranceId;
    final long startedMs;
    /** Sent once the audio is out (Hangup / Transfer); such a turn cannot be interrupted. */
    final PipelineMessage after;
    /** The caller's words ended this long before the turn began (for the turn-latency metric), or -1. */
    final long startedNanos = System.nanoTime();
    final boolean reply;
    final StringBuilder heard = new StringBuilder();
    Cancellable subscription;
    boolean audioSent;
    boolean done;
    boolean cancelled;
    boolean recorded;

    AgentTurn(int index, String utteranceId, long startedMs, PipelineMessage after, boolean reply) {
        this.index = index;
        this.utteranceId = utteranceId;
        this.startedMs = startedMs;
        this.after = after;
        this.reply = reply;
    }

    boolean interruptible() {
        return after == null;
    }

    void cancel() {
        cancelled = true;
        if (subscription != null) {
            subscription.cancel();
        }
    }
}
