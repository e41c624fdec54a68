package com.spotfunnel.voice.support.ratelimit;

/**
 * One request counted against one limit: the {@code count}-th request of a window that ends in
 * {@code resetMillis}.
 */
public record Usage(String limit, int allowed, long count, long resetMillis) {

    public boolean exceeded() {
        return count > allowed;
    }

    public long remaining() {
        return Math.max(0, allowed - count);
    }

    /** Whole seconds until the window ends, never 0 (a client told "retry in 0 s" would retry at once). */
    public long resetSeconds() {
        return Math.max(1, (resetMillis + 999) / 1000);
    }

    /** The usage a client should be told about: an exceeded one, else the one with the fewest requests left. */
    public static Usage tighter(Usage a, Usage b) {
        if (a == null) {
            return b;
        }
        if (b == null || a.exceeded() != b.exceeded()) {
            return b == null || a.exceeded() ? a : b;
        }
        return b.remaining() < a.remaining() ? b : a;
    }
}
