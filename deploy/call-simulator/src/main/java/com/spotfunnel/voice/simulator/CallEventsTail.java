package com.spotfunnel.voice.simulator;

import com.spotfunnel.voice.events.CallEvent;
import com.spotfunnel.voice.events.DecodedCallEvent;
import com.spotfunnel.voice.events.Topics;
import com.spotfunnel.voice.events.payload.CallEnded;
import com.spotfunnel.voice.events.payload.CallStarted;
import com.spotfunnel.voice.events.serde.CallEventDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads {@code call-events} from the start and collects one call's events, found by its Twilio CallSid. */
public final class CallEventsTail {

    private CallEventsTail() {}

    /** Waits until the call's CallEnded has arrived (or the timeout), then returns its events in seq order. */
    public static List<CallEvent> eventsOf(String bootstrapServers, String callSid, Duration timeout) {
        List<CallEvent> events = new ArrayList<>();
        String callId = null;
        try (KafkaConsumer<String, DecodedCallEvent> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "call-simulator-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new CallEventDeserializer())) {
            consumer.subscribe(List.of(Topics.CALL_EVENTS));
            long deadline = System.nanoTime() + timeout.toNanos();
            List<CallEvent> all = new ArrayList<>();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, DecodedCallEvent> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() instanceof DecodedCallEvent.Known known) {
                        all.add(known.event());
                    }
                }
                if (callId == null) {
                    callId = all.stream()
                            .filter(e ->
                                    e.payload() instanceof CallStarted started && callSid.equals(started.callSid()))
                            .map(CallEvent::callId)
                            .findFirst()
                            .orElse(null);
                }
                if (callId != null) {
                    String id = callId;
                    events = all.stream()
                            .filter(e -> e.callId().equals(id))
                            .sorted(Comparator.comparingLong(CallEvent::seq))
                            .toList();
                    if (events.stream().anyMatch(e -> e.payload() instanceof CallEnded)) {
                        break;
                    }
                }
            }
        }
        return events;
    }
}
