package com.spotfunnel.voice.support.admission;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The live-call count behind admission (gateway and pipeline), on a hand-driven clock. */
class LiveLimitTest {

    private long now;
    private final Set<String> live = new HashSet<>();

    private LiveLimit limit(int max) {
        return new LiveLimit(max, TimeUnit.SECONDS.toNanos(10), live::size, live::contains, () -> now);
    }

    @Test
    void aCallAdmittedButNotYetLiveHoldsItsLineSoABurstCannotOvershoot() {
        LiveLimit limit = limit(2);
        assertTrue(limit.admit("CA1"));
        assertTrue(limit.admit("CA2"));
        assertFalse(limit.admit("CA3"), "two admitted, none live yet: both lines are taken");

        live.add("CA1"); // it went live: counted once, as live
        assertFalse(limit.admit("CA3"));
        live.remove("CA1"); // and ended
        assertTrue(limit.admit("CA3"));
    }

    @Test
    void aCallThatNeverGoesLiveFreesItsLineAfterThePendingTimeout() {
        LiveLimit limit = limit(1);
        assertTrue(limit.admit("CA1"));
        now += TimeUnit.SECONDS.toNanos(10);
        assertFalse(limit.admit("CA2"));
        now += 1;
        assertTrue(limit.admit("CA2"));
    }

    @Test
    void zeroMeansNoLimit() {
        live.add("CA0");
        LiveLimit limit = limit(0);
        for (int i = 0; i < 1000; i++) {
            assertTrue(limit.admit("CA" + i));
        }
    }
}
