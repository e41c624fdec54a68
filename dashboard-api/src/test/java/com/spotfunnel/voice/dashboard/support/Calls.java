package com.spotfunnel.voice.dashboard.support;

import com.spotfunnel.voice.events.CallEvent;
import com.spotfunnel.voice.events.payload.CallAnalyzed;
import com.spotfunnel.voice.events.payload.CallCosts;
import com.spotfunnel.voice.events.payload.CallEnded;
import com.spotfunnel.voice.events.payload.CallStarted;
import com.spotfunnel.voice.events.payload.CallStatus;
import com.spotfunnel.voice.events.payload.CostRecorded;
import com.spotfunnel.voice.events.payload.Priority;
import com.spotfunnel.voice.events.payload.Speaker;
import com.spotfunnel.voice.events.payload.Stage;
import com.spotfunnel.voice.events.payload.TranscriptTurn;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds the events of one whole call, as the gateway and the pipeline would publish them. */
public final class Calls {

    private final String tenantId;
    private final String callId = "call-" + UUID.randomUUID();
    private Instant startedAt = Instant.parse("2026-11-20T10:00:00Z");
    private String callerPhone = "+15551230000";
    private String reason = "Book a dental cleaning";
    private String summary = "Caller booked a cleaning for Tuesday.";
    private String outcome = "appointment_booked";
    private boolean requiresAction;
    private CallStatus status = CallStatus.COMPLETED;
    private long durationSeconds = 95;
    private List<String> turns = List.of("Hello, how can I help?", "I would like to book a cleaning.");

    private Calls(String tenantId) {
        this.tenantId = tenantId;
    }

    public static Calls of(String tenantId) {
        return new Calls(tenantId);
    }

    public Calls startedAt(Instant value) {
        startedAt = value;
        return this;
    }

    public Calls callerPhone(String value) {
        callerPhone = value;
        return this;
    }

    public Calls reason(String value) {
        reason = value;
        return this;
    }

    public Calls summary(String value) {
        summary = value;
        return this;
    }

    public Calls outcome(String value) {
        outcome = value;
        return this;
    }

    public Calls requiresAction(boolean value) {
        requiresAction = value;
        return this;
    }

    public Calls status(CallStatus value) {
        status = value;
        return this;
    }

    public Calls duration(long seconds) {
        durationSeconds = seconds;
        return this;
    }

    public Calls turns(String... texts) {
        turns = List.of(texts);
        return this;
    }

    public String callId() {
        return callId;
    }

    public String tenantId() {
        return tenantId;
    }

    /** Started, the turns, one cost per turn, analysed, ended: in the order they happen. */
    public List<CallEvent> events() {
        List<CallEvent> events = new ArrayList<>();
        long seq = 0;
        events.add(CallEvent.of(
                tenantId,
                callId,
                seq++,
                startedAt,
                new CallStarted("CA" + callId.substring(5, 15), callerPhone, "+15559990000", "inbound")));
        for (int i = 0; i < turns.size(); i++) {
            Instant at = startedAt.plusSeconds(5L * (i + 1));
            events.add(CallEvent.of(
                    tenantId,
                    callId,
                    seq++,
                    at,
                    new TranscriptTurn(
                            i, i % 2 == 0 ? Speaker.AGENT : Speaker.CALLER, turns.get(i), 5000L * i, 4000, false)));
            events.add(CallEvent.of(
                    tenantId,
                    callId,
                    seq++,
                    at,
                    new CostRecorded(
                            i,
                            Stage.LLM,
                            "openai",
                            "gpt-4o-mini",
                            new BigDecimal("120"),
                            "completion_tokens",
                            new BigDecimal("0.000250"))));
        }
        Instant end = startedAt.plusSeconds(durationSeconds);
        events.add(CallEvent.of(
                tenantId,
                callId,
                seq++,
                end,
                new CallEnded(
                        status,
                        "caller_hangup",
                        durationSeconds,
                        new CallCosts(
                                new BigDecimal("0.010000"), new BigDecimal("0.020000"), new BigDecimal("0.003000")))));
        events.add(CallEvent.of(
                tenantId,
                callId,
                seq,
                end.plusSeconds(3),
                new CallAnalyzed(
                        summary,
                        reason,
                        outcome,
                        Map.of("name", "Ada", "slot", "Tuesday 10:00"),
                        requiresAction,
                        Priority.MEDIUM)));
        return events;
    }
}
