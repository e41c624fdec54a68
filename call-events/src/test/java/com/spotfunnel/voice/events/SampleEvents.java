package com.spotfunnel.voice.events;

import com.spotfunnel.voice.events.payload.CallAnalyzed;
import com.spotfunnel.voice.events.payload.CallCosts;
import com.spotfunnel.voice.events.payload.CallEnded;
import com.spotfunnel.voice.events.payload.CallStarted;
import com.spotfunnel.voice.events.payload.CallStatus;
import com.spotfunnel.voice.events.payload.CallStatusReported;
import com.spotfunnel.voice.events.payload.CallTransferred;
import com.spotfunnel.voice.events.payload.CallerErased;
import com.spotfunnel.voice.events.payload.CostRecorded;
import com.spotfunnel.voice.events.payload.EventPayload;
import com.spotfunnel.voice.events.payload.FailureKind;
import com.spotfunnel.voice.events.payload.FallbackPlayed;
import com.spotfunnel.voice.events.payload.Priority;
import com.spotfunnel.voice.events.payload.ProviderFailed;
import com.spotfunnel.voice.events.payload.Severity;
import com.spotfunnel.voice.events.payload.Speaker;
import com.spotfunnel.voice.events.payload.Stage;
import com.spotfunnel.voice.events.payload.SystemError;
import com.spotfunnel.voice.events.payload.TranscriptTurn;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** One event of every type, exactly as written in the golden files under test resources. */
final class SampleEvents {

    static final String TENANT = "acme-dental";
    static final String CALL = "call-7f3a";

    private SampleEvents() {}

    static Map<EventType, CallEvent> all() {
        Map<EventType, CallEvent> events = new LinkedHashMap<>();
        add(
                events,
                0,
                new CallStarted("CA0123456789abcdef0123456789abcdef", "+14155550100", "+18005550199", "inbound"));
        add(events, 1, new TranscriptTurn(1, Speaker.CALLER, "I'd like to book a cleaning.", 4200, 1800, false));
        add(events, 2, new ProviderFailed(Stage.LLM, "openai", "timeout", "no first token within 2000 ms", "gemini"));
        add(
                events,
                3,
                new FallbackPlayed(
                        FailureKind.LLM,
                        "I apologize, but I'm experiencing technical difficulties right now. "
                                + "Let me transfer you to someone who can help you immediately.",
                        "+14155550111"));
        add(events, 4, new CallTransferred("+14155550111", "fallback", "completed"));
        add(
                events,
                5,
                new CostRecorded(
                        1,
                        Stage.LLM,
                        "gemini",
                        "gemini-2.5-flash",
                        new BigDecimal("412"),
                        "prompt_tokens",
                        new BigDecimal("0.0000309")));
        add(
                events,
                6,
                new CallEnded(
                        CallStatus.TRANSFERRED,
                        "transfer",
                        95,
                        new CallCosts(new BigDecimal("0.0093"), new BigDecimal("0.0004"), new BigDecimal("0.0120"))));
        add(
                events,
                7,
                new CallAnalyzed(
                        "Caller wanted a cleaning; transferred after an AI failure.",
                        "book_appointment",
                        "transferred",
                        Map.of("name", "Dana", "preferredDay", "Tuesday"),
                        true,
                        Priority.HIGH));
        add(
                events,
                8,
                new SystemError(
                        "all_llm_failed",
                        Severity.CRITICAL,
                        "pipeline-service",
                        "Every LLM provider failed",
                        null,
                        Map.of("providers", "openai,gemini")));
        add(events, 9, new CallStatusReported("completed", 97L));
        CallEvent erased = new CallEvent(
                UUID.fromString("00000000-0000-4000-8000-000000000010"),
                TENANT,
                "erasure-00000000-0000-4000-8000-000000000010",
                0,
                Instant.parse("2026-11-24T09:00:10Z"),
                new CallerErased(CallerErased.hash("+14155550123"), "ops@spotfunnel.example"));
        events.put(erased.type(), erased);
        return events;
    }

    private static void add(Map<EventType, CallEvent> events, int seq, EventPayload payload) {
        CallEvent event = new CallEvent(
                UUID.fromString("00000000-0000-4000-8000-00000000000" + seq),
                TENANT,
                CALL,
                seq,
                Instant.parse("2026-11-24T09:00:0" + seq + "Z"),
                payload);
        events.put(event.type(), event);
    }
}
