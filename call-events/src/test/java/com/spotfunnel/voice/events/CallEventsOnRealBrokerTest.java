package com.spotfunnel.voice.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.spotfunnel.voice.events.DecodedCallEvent.SkipReason;
import com.spotfunnel.voice.events.serde.CallEventDeserializer;
import com.spotfunnel.voice.events.serde.CallEventSerializer;
import com.spotfunnel.voice.infra.kafka.SharedKafkaBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Every event type through a real Kafka broker, with the serde the services use. */
class CallEventsOnRealBrokerTest {

    private final String bootstrap = SharedKafkaBroker.bootstrapServers();

    @Test
    void everyEventTypeComesBackEqualAndInOrderUnderItsCallId() throws Exception {
        String topic = "call-events-roundtrip-" + UUID.randomUUID();
        List<CallEvent> sent = new ArrayList<>(SampleEvents.all().values());

        try (KafkaProducer<String, CallEvent> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true),
                new StringSerializer(),
                new CallEventSerializer())) {
            for (CallEvent event : sent) {
                producer.send(new ProducerRecord<>(topic, event.key(), event)).get();
            }
        }

        List<ConsumerRecord<String, DecodedCallEvent>> received = consume(topic, sent.size());

        // One call's events share its key, so they come back in order; an event about a caller (CallerErased) has a
        // key of its own and may come back in any place.
        assertEquals(
                sent.stream()
                        .filter(e -> e.callId().equals(SampleEvents.CALL))
                        .map(DecodedCallEvent.Known::new)
                        .toList(),
                received.stream()
                        .filter(r -> SampleEvents.CALL.equals(r.key()))
                        .map(ConsumerRecord::value)
                        .toList());
        for (CallEvent event : sent) {
            if (!event.callId().equals(SampleEvents.CALL)) {
                assertEquals(
                        List.of(new DecodedCallEvent.Known(event)),
                        received.stream()
                                .filter(r -> event.key().equals(r.key()))
                                .map(ConsumerRecord::value)
                                .toList());
            }
        }
    }

    @Test
    void poisonRecordsComeOutAsSkipsAndTheNextEventStillArrives() throws Exception {
        String topic = "call-events-poison-" + UUID.randomUUID();
        CallEvent good = SampleEvents.all().get(EventType.CALL_ENDED);
        String unknownType = new String(CallEventCodecTest.goldenBytes(EventType.CALL_STARTED), StandardCharsets.UTF_8)
                .replace("\"CallStarted\"", "\"CallOnHold\"");

        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, "c1", "\u0000garbage{".getBytes(StandardCharsets.UTF_8)))
                    .get();
            producer.send(new ProducerRecord<>(topic, "c1", unknownType.getBytes(StandardCharsets.UTF_8)))
                    .get();
            producer.send(new ProducerRecord<>(topic, "c1", new CallEventSerializer().serialize(topic, good)))
                    .get();
        }

        List<DecodedCallEvent> received =
                consume(topic, 3).stream().map(ConsumerRecord::value).toList();

        assertEquals(SkipReason.MALFORMED, ((DecodedCallEvent.Skipped) received.get(0)).reason());
        assertEquals(SkipReason.UNKNOWN_TYPE, ((DecodedCallEvent.Skipped) received.get(1)).reason());
        assertEquals(new DecodedCallEvent.Known(good), received.get(2));
    }

    private List<ConsumerRecord<String, DecodedCallEvent>> consume(String topic, int count) {
        List<ConsumerRecord<String, DecodedCallEvent>> received = new ArrayList<>();
        try (KafkaConsumer<String, DecodedCallEvent> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "test-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new CallEventDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            }
        }
        assertEquals(count, received.size(), "records consumed from " + topic);
        return received;
    }
}
