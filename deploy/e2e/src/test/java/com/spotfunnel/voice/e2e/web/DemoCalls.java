package com.spotfunnel.voice.e2e.web;

import com.spotfunnel.voice.events.CallEvent;
import com.spotfunnel.voice.events.Topics;
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
import com.spotfunnel.voice.events.serde.CallEventSerializer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The demo tenant's recent calls, published on {@code call-events} as the gateway and the pipeline publish them
 * (started, turns, costs, ended, analysed): dashboard-api's projection builds the dashboard's read model from
 * these, exactly as in production.
 */
final class DemoCalls {

    record Call(
            String callId,
            Instant startedAt,
            String callerPhone,
            CallStatus status,
            String reason,
            String summary,
            String outcome,
            boolean requiresAction,
            List<String> turns) {}

    static List<Call> recent(Instant now) {
        return List.of(
                new Call(
                        "e2e-call-newest",
                        now.minus(Duration.ofMinutes(20)),
                        "+15551230001",
                        CallStatus.COMPLETED,
                        "Book a dental cleaning",
                        "The caller booked a cleaning for Tuesday at 10:00.",
                        "appointment_booked",
                        false,
                        List.of(
                                "Hello, Demo Dental, how can I help?",
                                "I would like to book a cleaning.",
                                "Tuesday at 10:00 is free. Shall I book it?",
                                "Yes please.")),
                new Call(
                        "e2e-call-transfer",
                        now.minus(Duration.ofHours(3)),
                        "+15551230002",
                        CallStatus.TRANSFERRED,
                        "Tooth pain",
                        "The caller has tooth pain and was put through to the practice.",
                        "transferred",
                        false,
                        List.of("Hello, Demo Dental, how can I help?", "My tooth hurts badly since last night.")),
                new Call(
                        "e2e-call-callback",
                        now.minus(Duration.ofDays(2)),
                        "+15551230003",
                        CallStatus.COMPLETED,
                        "Insurance question",
                        "The caller asked whether their insurance is accepted; call back.",
                        "callback_requested",
                        true,
                        List.of("Hello, Demo Dental, how can I help?", "Do you take Delta Dental insurance?")));
    }

    static void publish(String bootstrapServers, String tenantId, List<Call> calls) throws Exception {
        try (KafkaProducer<String, CallEvent> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new CallEventSerializer())) {
            for (Call call : calls) {
                for (CallEvent event : events(tenantId, call)) {
                    producer.send(new ProducerRecord<>(Topics.CALL_EVENTS, event.key(), event))
                            .get(60, TimeUnit.SECONDS);
                }
            }
        }
    }

    private static List<CallEvent> events(String tenantId, Call call) {
        List<CallEvent> events = new ArrayList<>();
        String id = call.callId();
        long seq = 0;
        events.add(CallEvent.of(
                tenantId,
                id,
                seq++,
                call.startedAt(),
                new CallStarted(
                        "CA" + Integer.toHexString(id.hashCode()), call.callerPhone(), "+15005550006", "inbound")));
        for (int i = 0; i < call.turns().size(); i++) {
            Instant at = call.startedAt().plusSeconds(5L * (i + 1));
            events.add(CallEvent.of(
                    tenantId,
                    id,
                    seq++,
                    at,
                    new TranscriptTurn(
                            i,
                            i % 2 == 0 ? Speaker.AGENT : Speaker.CALLER,
                            call.turns().get(i),
                            5000L * i,
                            4000,
                            false)));
            events.add(CallEvent.of(
                    tenantId,
                    id,
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
        long durationSeconds = 10L * call.turns().size() + 15;
        Instant end = call.startedAt().plusSeconds(durationSeconds);
        events.add(CallEvent.of(
                tenantId,
                id,
                seq++,
                end,
                new CallEnded(
                        call.status(),
                        "caller_hangup",
                        durationSeconds,
                        new CallCosts(
                                new BigDecimal("0.010000"), new BigDecimal("0.020000"), new BigDecimal("0.003000")))));
        events.add(CallEvent.of(
                tenantId,
                id,
                seq,
                end.plusSeconds(3),
                new CallAnalyzed(
                        call.summary(),
                        call.reason(),
                        call.outcome(),
                        Map.of("name", "Ada", "slot", "Tuesday 10:00"),
                        call.requiresAction(),
                        Priority.MEDIUM)));
        return events;
    }
}
