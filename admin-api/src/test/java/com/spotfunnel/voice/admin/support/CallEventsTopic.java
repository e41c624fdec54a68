package com.spotfunnel.voice.admin.support;

import com.spotfunnel.voice.events.CallEvent;
import com.spotfunnel.voice.events.Topics;
import com.spotfunnel.voice.events.serde.CallEventSerializer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Writes to the real {@code call-events} topic as the gateway and the pipeline do (key = callId). */
public final class CallEventsTopic {

    private CallEventsTopic() {}

    public static void send(List<CallEvent> events) {
        send(Topics.CALL_EVENTS, events);
    }

    /** To another topic with the same contract (a test application that reads its own copy). */
    public static void send(String topic, List<CallEvent> events) {
        try (KafkaProducer<String, CallEvent> producer =
                new KafkaProducer<>(config(), new StringSerializer(), new CallEventSerializer())) {
            for (CallEvent event : events) {
                producer.send(new ProducerRecord<>(topic, event.key(), event));
            }
            producer.flush();
        }
    }

    /** A record no consumer can read, as a buggy or newer producer might write. */
    public static void sendGarbage(String key, String value) {
        sendGarbage(Topics.CALL_EVENTS, key, value);
    }

    public static void sendGarbage(String topic, String key, String value) {
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(config(), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value.getBytes(StandardCharsets.UTF_8)));
            producer.flush();
        }
    }

    private static Map<String, Object> config() {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ProducerConfig.ACKS_CONFIG,
                "all");
    }
}
