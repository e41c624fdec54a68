package com.spotfunnel.voice.gateway.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.spotfunnel.voice.gateway.config.GatewayConfig.Admission.Refusal;
import jakarta.ws.rs.WebApplicationException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The plain pieces of admission on a hand-driven clock: the event-loop lag signal and the two ways a refusal is
 * answered. (The live-call count itself: service-support {@code LiveLimitTest}.)
 */
class AdmissionLimitTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long INTERVAL = 100 * MS;
    private static final long WINDOW = 5_000 * MS;

    private long now;

    /** Every loop ticks {@code count} times, each {@code lateMs} late. */
    private void ticks(EventLoopLag lag, int loop, int count, long lateMs) {
        for (int i = 0; i < count; i++) {
            lag.scheduled(loop, now);
            now += INTERVAL + lateMs * MS;
            lag.fired(loop, now);
        }
    }

    @Test
    void onTimeLoopsHaveNoLag() {
        EventLoopLag lag = new EventLoopLag(2, INTERVAL, WINDOW);
        ticks(lag, 0, 50, 0);
        ticks(lag, 1, 50, 0);
        assertEquals(0, lag.lagNanos(now));
    }

    @Test
    void onePauseIsNotOverloadButLatenessInEveryTenthTickIs() {
        EventLoopLag lag = new EventLoopLag(1, INTERVAL, WINDOW);
        ticks(lag, 0, 30, 1);
        ticks(lag, 0, 1, 400); // a GC pause
        ticks(lag, 0, 9, 1);
        assertEquals(1 * MS, lag.lagNanos(now), "one late tick in forty is ignored");
        ticks(lag, 0, 4, 300);
        assertEquals(
                300 * MS,
                lag.lagNanos(now),
                "five late ticks among the 34 still in the window: the 90th percentile is late");
    }

    @Test
    void theWorstLoopCountsEvenThoughItTicksLessOften() {
        EventLoopLag lag = new EventLoopLag(2, INTERVAL, WINDOW);
        long start = now;
        ticks(lag, 0, 45, 0);
        long end = now;
        now = start;
        ticks(lag, 1, 5, 800); // a busy loop: five late ticks in the same 4.5 s
        now = Math.max(now, end);
        assertEquals(800 * MS, lag.lagNanos(now));
    }

    @Test
    void aStuckLoopCountsWhileItsTickIsOverdueAndTheSignalClearsAfterTheWindow() {
        EventLoopLag lag = new EventLoopLag(2, INTERVAL, WINDOW);
        ticks(lag, 0, 20, 0);
        lag.scheduled(1, now);
        now += INTERVAL;
        assertEquals(0, lag.lagNanos(now), "due now: not late yet");
        now += 700 * MS;
        assertEquals(700 * MS, lag.lagNanos(now), "stuck: no sample yet, the overdue tick says it");
        lag.fired(1, now);
        assertEquals(700 * MS, lag.lagNanos(now), "its one sample is all that loop has in the window");
        now += WINDOW + 1;
        assertEquals(0, lag.lagNanos(now), "a window later it is forgotten");
    }

    @Test
    void refusedWithTheBusyMessageOrWith503ForTwiliosFallbackUrl() {
        assertEquals(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say>All lines are busy.</Say><Hangup/></Response>",
                Admission.answer(Refusal.MESSAGE, "All lines are busy."));
        WebApplicationException refused =
                assertThrows(WebApplicationException.class, () -> Admission.answer(Refusal.FALLBACK, "unused"));
        assertEquals(503, refused.getResponse().getStatus());
        assertEquals("1", refused.getResponse().getHeaderString("Retry-After"));
    }
}
