package com.spotfunnel.voice.gateway.twilio;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The newest Twilio status of each call from {@code /twilio/status}. Callbacks may come twice or out of
 * order: a final status (completed, busy, failed, no-answer, canceled) is never replaced, and among
 * non-final ones the higher {@code SequenceNumber} wins.
 */
@ApplicationScoped
public class CallStatusLedger {

    static final Set<String> FINAL = Set.of("completed", "busy", "failed", "no-answer", "canceled");
    private static final int MAX_ENTRIES = 100_000;

    /** @param durationSeconds Twilio's CallDuration, or -1 when not given */
    public record TwilioStatus(String status, long sequenceNumber, long durationSeconds, Instant receivedAt) {

        public boolean isFinal() {
            return FINAL.contains(status);
        }
    }

    private final Map<String, TwilioStatus> byCallSid = new ConcurrentHashMap<>();

    /** @return true when this callback changed what is known (false for duplicates and stale ones) */
    public boolean record(String callSid, TwilioStatus incoming) {
        if (byCallSid.size() > MAX_ENTRIES) {
            byCallSid.clear();
        }
        boolean[] changed = {false};
        byCallSid.compute(callSid, (sid, current) -> {
            if (current == null
                    || (!current.isFinal()
                            && (incoming.isFinal() || incoming.sequenceNumber() > current.sequenceNumber()))) {
                changed[0] = true;
                return incoming;
            }
            return current;
        });
        return changed[0];
    }

    public Optional<TwilioStatus> get(String callSid) {
        return Optional.ofNullable(byCallSid.get(callSid));
    }
}
