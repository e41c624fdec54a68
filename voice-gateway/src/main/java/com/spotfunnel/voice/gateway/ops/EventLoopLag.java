package com.spotfunnel.voice.gateway.ops;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * How late the event loops run: each loop has one probe tick outstanding at a time, scheduled {@code interval}
 * ahead on that loop; how late it fires is a sample. The lag is the worst loop's, where a loop's is the 90th
 * percentile of its samples within the last {@code window} or, if larger, how overdue its outstanding tick is now.
 *
 * <p>Why per loop: a call lives on one loop, and a busy loop ticks less often, so its few late samples would vanish
 * in a percentile over all loops. Why the 90th percentile and not the maximum: one pause (a GC, a slow log line) is
 * not overload and must not refuse calls for a whole window; lateness in a tenth of the ticks is. Why the overdue
 * tick: a loop that is stuck right now produces no samples at all. Plain and synchronized (a few array operations),
 * so it is tested with a hand-driven clock; {@link EventLoopLagProbe} drives it with the loops' own timers.
 */
public final class EventLoopLag {

    private static final double PERCENTILE = 0.9;
    private static final long NONE = Long.MAX_VALUE;

    private final long intervalNanos;
    private final long windowNanos;
    private final Loop[] loops;

    public EventLoopLag(int loopCount, long intervalNanos, long windowNanos) {
        this.intervalNanos = intervalNanos;
        this.windowNanos = windowNanos;
        this.loops = new Loop[loopCount];
        for (int i = 0; i < loopCount; i++) {
            loops[i] = new Loop();
        }
    }

    /** The loop's next tick was scheduled at {@code now}: it is due {@code interval} later. */
    public synchronized void scheduled(int loop, long now) {
        loops[loop].due = now + intervalNanos;
    }

    /** The loop's tick ran at {@code now}. */
    public synchronized void fired(int loop, long now) {
        Loop l = loops[loop];
        if (l.due == NONE) {
            return;
        }
        l.samples.addLast(new Sample(now, Math.max(0, now - l.due)));
        l.due = NONE;
        l.forgetBefore(now - windowNanos);
    }

    /** The lag at {@code now} (nanoseconds, 0 when every loop is on time). */
    public synchronized long lagNanos(long now) {
        long worst = 0;
        for (Loop loop : loops) {
            loop.forgetBefore(now - windowNanos);
            long overdue = loop.due == NONE ? 0 : now - loop.due;
            worst = Math.max(worst, Math.max(overdue, loop.percentile()));
        }
        return worst;
    }

    private record Sample(long at, long lateNanos) {}

    private static final class Loop {
        private final ArrayDeque<Sample> samples = new ArrayDeque<>();
        private long due = NONE;

        private void forgetBefore(long horizon) {
            while (!samples.isEmpty() && samples.peekFirst().at() < horizon) {
                samples.removeFirst();
            }
        }

        private long percentile() {
            if (samples.isEmpty()) {
                return 0;
            }
            long[] late = samples.stream().mapToLong(Sample::lateNanos).toArray();
            Arrays.sort(late);
            return late[(int) Math.ceil(PERCENTILE * late.length) - 1];
        }
    }
}
