package com.spotfunnel.voice.e2e.drills;

import com.spotfunnel.voice.events.CallEvent;
import com.spotfunnel.voice.events.DecodedCallEvent;
import com.spotfunnel.voice.events.Topics;
import com.spotfunnel.voice.events.payload.CallStarted;
import com.spotfunnel.voice.events.serde.CallEventDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Everything on {@code call-events}, read from the start by a consumer group of its own (as a read model
 * would), duplicates included: the drills count them.
 */
final class CallEventsLog {

    private final List<CallEvent> records;

    private CallEventsLog(List<CallEvent> records) {
        this.records = records;
    }

    /** Reads until {@code complete} holds for what was read so far, or the timeout passes. */
    static CallEventsLog read(String kafka, Duration timeout, Predicate<CallEventsLog> complete) {
        List<CallEvent> records = new ArrayList<>();
        try (KafkaConsumer<String, DecodedCallEvent> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "drill-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new CallEventDeserializer())) {
            consumer.subscribe(List.of(Topics.CALL_EVENTS));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, DecodedCallEvent> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() instanceof DecodedCallEvent.Known known) {
                        records.add(known.event());
                    }
                }
                if (complete.test(new CallEventsLog(records))) {
                    break;
                }
            }
        }
        return new CallEventsLog(List.copyOf(records));
    }

    /** The call the gateway gave this Twilio CallSid, if its CallStarted has arrived. */
    String callIdOf(String callSid) {
        return records.stream()
                .filter(e -> e.payload() instanceof CallStarted started && callSid.equals(started.callSid()))
                .map(CallEvent::callId)
                .findFirst()
                .orElse(null);
    }

    /** Every record of the call, duplicates included, in seq order. */
    List<CallEvent> recordsOf(String callId) {
        return records.stream()
                .filter(e -> e.callId().equals(callId))
                .sorted(Comparator.comparingLong(CallEvent::seq))
                .toList();
    }

    <T> long count(String callId, Class<T> type) {
        return recordsOf(callId).stream()
                .filter(e -> type.isInstance(e.payload()))
                .count();
    }
}
