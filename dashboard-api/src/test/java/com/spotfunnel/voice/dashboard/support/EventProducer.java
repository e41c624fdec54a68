package com.spotfunnel.voice.dashboard.support;

import com.spotfunnel.voice.events.CallEvent;
import com.spotfunnel.voice.events.serde.CallEventCodec;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Produces call events to the real broker, keyed by call id, as the services do. */
public final class EventProducer {

    private EventProducer() {}

    public static void send(String bootstrap, List<CallEvent> events) {
        send(bootstrap, DashboardApiProfile.TOPIC, events);
    }

    public static void send(String bootstrap, String topic, List<CallEvent> events) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new ByteArraySerializer())) {
            for (CallEvent event : events) {
                producer.send(new ProducerRecord<>(topic, event.key(), CallEventCodec.encode(event)));
            }
            producer.flush();
        }
    }
}
