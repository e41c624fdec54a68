package com.spotfunnel.voice.e2e.drills;

import com.spotfunnel.voice.events.CallEvent;
import com.spotfunnel.voice.events.payload.CallAnalyzed;
import com.spotfunnel.voice.events.payload.CallEnded;
import com.spotfunnel.voice.events.payload.CallStarted;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What a read model needs of one call: every event the gateway numbered (seq 0..n without a gap, CallStarted
 * first, CallEnded last), the pipeline's CallAnalyzed, and no record twice.
 */
final class CallEventsCheck {

    private CallEventsCheck() {}

    /** True once the call's last events (CallEnded and CallAnalyzed) have arrived. */
    static boolean ended(CallEventsLog log, String callSid) {
        String callId = log.callIdOf(callSid);
        return callId != null && log.count(callId, CallEnded.class) > 0 && log.count(callId, CallAnalyzed.class) > 0;
    }

    /** The problems found with the call's records; empty when it is complete and without duplicates. */
    static List<String> problems(CallEventsLog log, String callSid) {
        List<String> problems = new ArrayList<>();
        String callId = log.callIdOf(callSid);
        if (callId == null) {
            return List.of(callSid + ": no CallStarted");
        }
        List<CallEvent> records = log.recordsOf(callId);
        Set<UUID> ids = new HashSet<>();
        for (CallEvent record : records) {
            if (!ids.add(record.eventId())) {
                problems.add(callSid + ": event " + record.eventId() + " ("
                        + record.type().wireName() + ", seq " + record.seq() + ") arrived twice");
            }
        }
        List<CallEvent> numbered = records.stream()
                .filter(e -> !(e.payload() instanceof CallAnalyzed))
                .toList();
        Set<Long> seqs = new HashSet<>();
        numbered.forEach(e -> seqs.add(e.seq()));
        long last = numbered.isEmpty() ? -1 : numbered.get(numbered.size() - 1).seq();
        for (long seq = 0; seq <= last; seq++) {
            if (!seqs.contains(seq)) {
                problems.add(callSid + ": seq " + seq + " is missing");
            }
        }
        if (numbered.stream().map(CallEvent::eventId).distinct().count() != seqs.size()) {
            problems.add(callSid + ": two different events share a seq (an event published twice)");
        }
        if (numbered.isEmpty() || !(numbered.get(0).payload() instanceof CallStarted)) {
            problems.add(callSid + ": does not start with CallStarted");
        }
        if (numbered.isEmpty() || !(numbered.get(numbered.size() - 1).payload() instanceof CallEnded)) {
            problems.add(callSid + ": does not end with CallEnded");
        }
        if (log.count(callId, CallAnalyzed.class) != 1) {
            problems.add(callSid + ": " + log.count(callId, CallAnalyzed.class) + " CallAnalyzed");
        }
        return problems;
    }
}
