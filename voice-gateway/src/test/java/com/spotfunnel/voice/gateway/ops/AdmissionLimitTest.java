package com.spotfunnel.voice.gateway.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spotfunnel.voice.gateway.config.GatewayConfig.Admission.Refusal;
import jakarta.ws.rs.WebApplicationException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The live-call count behind admission, on a hand-driven clock, and the two ways a refusal is answered. */
class AdmissionLimitTest {

    private long now;
    private final Set<String> live = new HashSet<>();

    private Admission.Limit limit(int max) {
        return new Admission.Limit(max, TimeUnit.SECONDS.toNanos(10), live::size, live::contains, () -> now);
    }

    @Test
    void aCallAdmittedButNotYetStreamingHoldsItsLineSoABurstCannotOvershoot() {
        Admission.Limit limit = limit(2);
        assertTrue(limit.admit("CA1"));
        assertTrue(limit.admit("CA2"));
        assertFalse(limit.admit("CA3"), "two webhooks answered, no stream started yet: both lines are taken");

        live.add("CA1"); // its stream started: counted once, as live
        assertFalse(limit.admit("CA3"));
        live.remove("CA1"); // and ended
        assertTrue(limit.admit("CA3"));
    }

    @Test
    void aCallWhoseStreamNeverStartsFreesItsLineAfterThePendingTimeout() {
        Admission.Limit limit = limit(1);
        assertTrue(limit.admit("CA1"));
        now += TimeUnit.SECONDS.toNanos(10);
        assertFalse(limit.admit("CA2"));
        now += 1;
        assertTrue(limit.admit("CA2"));
    }

    @Test
    void zeroMeansNoLimit() {
        live.add("CA0");
        Admission.Limit limit = limit(0);
        for (int i = 0; i < 1000; i++) {
            assertTrue(limit.admit("CA" + i));
        }
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
