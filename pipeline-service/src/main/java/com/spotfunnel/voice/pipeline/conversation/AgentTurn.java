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
    /** When the turn began on the conversation's monotonic clock (for the turn-latency metric). */
    final long startedNanos;

    final boolean reply;
    final StringBuilder heard = new StringBuilder();
    Cancellable subscription;
    /** The turn's timestamps when the turn trace is on, else null. */
    TurnTrace.Reply trace;

    boolean audioSent;
    boolean done;
    boolean cancelled;
    boolean recorded;

    AgentTurn(int index, String utteranceId, long startedMs, long startedNanos, PipelineMessage after, boolean reply) {
        this.index = index;
        this.startedNanos = startedNanos;
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
