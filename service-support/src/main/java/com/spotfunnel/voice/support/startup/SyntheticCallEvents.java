package com.spotfunnel.voice.support.startup;

import com.spotfunnel.voice.events.CallEvent;
import com.spotfunnel.voice.events.payload.CallAnalyzed;
import com.spotfunnel.voice.events.payload.CallCosts;
import com.spotfunnel.voice.events.payload.CallEnded;
import com.spotfunnel.voice.events.payload.CallStarted;
import com.spotfunnel.voice.events.payload.CallStatus;
import com.spotfunnel.voice.events.payload.CallStatusReported;
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

/**
 * The {@code call-events} of one synthetic call, shaped like a simulated call of the local stack: CallStarted, for
 * each turn a transcript line and the STT, LLM and TTS costs, Twilio's final status, CallEnded and CallAnalyzed. For
 * the projections' start-up warm-up ({@link ProjectionWarmUp}); they belong to tenant {@link #TENANT}, which no real
 * tenant can be, and are never published.
 */
public final class SyntheticCallEvents {

    /** The tenant of every synthetic event (not a valid tenant id: real ones are lower-case slugs). */
    public static final String TENANT = "__warm-up__";

    /**
     * When every synthetic call happens: a day no real call has, so that even the projections' all-tenant roll-up
     * rows (keyed by day) a warm-up transaction locks until its rollback are rows no real event touches.
     */
    public static final Instant DAY = Instant.parse("2000-01-01T00:00:00Z");

    private static final String[] LINES = {
        "Thanks for calling, how can I help you today?",
        "I would like to book a cleaning for next Tuesday morning",
        "Of course. We have nine thirty or eleven, which suits you?",
        "Nine thirty please, and do you take my insurance?"
    };

    private SyntheticCallEvents() {}

    /** The call id of synthetic call {@code index}. */
    public static String callId(int index) {
        return "warm-up-" + index;
    }

    /** Every event of synthetic call {@code index}, in the order a real call publishes them. */
    public static List<CallEvent> call(int index, int turns) {
        String callId = callId(index);
        Instant at = DAY.plusSeconds(index % 3600);
        List<CallEvent> events = new ArrayList<>();
        long[] seq = {0};
        events.add(CallEvent.of(
                TENANT,
                callId,
                seq[0]++,
                at,
                new CallStarted("CAwarmup" + index, "+15550000000", "+15550000001", "inbound")));
        for (int turn = 0; turn < turns; turn++) {
            Instant when = at.plusSeconds(4L * turn);
            events.add(CallEvent.of(
                    TENANT,
                    callId,
                    seq[0]++,
                    when,
                    new TranscriptTurn(
                            turn,
                            turn % 2 == 0 ? Speaker.AGENT : Speaker.CALLER,
                            LINES[turn % LINES.length],
                            4000L * turn,
                            3000,
                            false)));
            events.add(cost(callId, seq[0]++, when, turn, Stage.STT, "deepgram", "nova-3", "3", "seconds"));
            events.add(cost(callId, seq[0]++, when, turn, Stage.LLM, "openai", "gpt-4o-mini", "180", "tokens"));
            events.add(cost(callId, seq[0]++, when, turn, Stage.TTS, "cartesia", "sonic-2", "48", "characters"));
        }
        long duration = 4L * turns + 2;
        Instant end = at.plusSeconds(duration);
        events.add(CallEvent.of(TENANT, callId, seq[0]++, end, new CallStatusReported("completed", duration)));
        events.add(CallEvent.of(
                TENANT,
                callId,
                seq[0]++,
                end,
                new CallEnded(
                        CallStatus.COMPLETED,
                        "caller_hangup",
                        duration,
                        new CallCosts(
                                new BigDecimal("0.004300"), new BigDecimal("0.000200"), new BigDecimal("0.002900")))));
        events.add(CallEvent.of(
                TENANT,
                callId,
                seq[0]++,
                end.plusSeconds(2),
                new CallAnalyzed(
                        "The caller booked a cleaning.",
                        "Book a cleaning",
                        "appointment_booked",
                        Map.of("name", "Warm-up caller", "slot", "Tuesday 9:30"),
                        index % 5 == 0,
                        index % 5 == 0 ? Priority.HIGH : Priority.LOW)));
        return events;
    }

    private static CallEvent cost(
            String callId,
            long seq,
            Instant at,
            int turn,
            Stage stage,
            String provider,
            String model,
            String qty,
            String unit) {
        return CallEvent.of(
                TENANT,
                callId,
                seq,
                at,
                new CostRecorded(turn, stage, provider, model, new BigDecimal(qty), unit, new BigDecimal("0.001000")));
    }
}
