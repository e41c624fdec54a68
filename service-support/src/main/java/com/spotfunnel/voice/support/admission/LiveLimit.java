package com.spotfunnel.voice.support.admission;

import java.util.HashMap;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * The live-call count behind admission control, shared by voice-gateway (calls: live sessions plus webhooks answered
 * whose Media Stream has not started) and pipeline-service (conversations: live ones plus sockets admitted whose
 * {@code CallStart} has not arrived). A call admitted but not yet live holds its line, so a burst cannot all slip in
 * before the first ones are counted as live; it stops counting when it is live (then counted as such) or after
 * {@code pendingTimeoutNanos} (it never came). Plain and synchronized: a few map operations, no I/O.
 */
public final class LiveLimit {

    private final int max;
    private final long pendingTimeoutNanos;
    private final IntSupplier liveCalls;
    private final Predicate<String> isLive;
    private final LongSupplier nanoClock;
    private final Map<String, Long> pending = new HashMap<>();

    /**
     * @param max        calls taken before the next is refused; 0 or less: no limit
     * @param liveCalls  the calls live now
     * @param isLive     whether the call with this key is live (or has been: it no longer needs its pending line)
     * @param nanoClock  {@link System#nanoTime} in production, a hand-driven clock in tests
     */
    public LiveLimit(
            int max,
            long pendingTimeoutNanos,
            IntSupplier liveCalls,
            Predicate<String> isLive,
            LongSupplier nanoClock) {
        this.max = max;
        this.pendingTimeoutNanos = pendingTimeoutNanos;
        this.liveCalls = liveCalls;
        this.isLive = isLive;
        this.nanoClock = nanoClock;
    }

    /** Admits the call with this key (it then holds a line until it is live) or refuses it: the limit is reached. */
    public synchronized boolean admit(String key) {
        if (max <= 0) {
            return true;
        }
        long now = nanoClock.getAsLong();
        pending.entrySet().removeIf(e -> now - e.getValue() > pendingTimeoutNanos || isLive.test(e.getKey()));
        if (liveCalls.getAsInt() + pending.size() >= max) {
            return false;
        }
        pending.put(key, now);
        return true;
    }

    public int max() {
        return max;
    }
}
