package com.spotfunnel.voice.gateway.media;

import java.time.Duration;

/**
 * Time as a call's session sees it: a monotonic clock and one-shot timers ({@link VertxCallClock} in production, a
 * virtual clock in the session's unit tests).
 */
public interface CallClock {

    long nanoTime();

    /** Runs {@code task} once after {@code delay}; returns the timer's id. */
    long setTimer(Duration delay, Runnable task);

    void cancelTimer(long id);
}
