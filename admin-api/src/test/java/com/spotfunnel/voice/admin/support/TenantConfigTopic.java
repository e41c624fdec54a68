package com.spotfunnel.voice.admin.support;

import com.spotfunnel.voice.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Reads the real {@code tenant-config} topic from the beginning, as a gateway does at start. */
public final class TenantConfigTopic {

    private TenantConfigTopic() {}

    /**
     * @return every record of this tenant, in topic order, up to and including the first that {@code until}
     *         accepts; fails after 20 s without one
     */
    public static List<ConsumerRecord<String, byte[]>> readUntil(
            String tenantId, Predicate<ConsumerRecord<String, byte[]>> until) {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                "false"))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            List<TopicPartition> partitions = List.of();
            while (partitions.isEmpty() && System.nanoTime() < deadline) {
                partitions = consumer.partitionsFor(Topics.TENANT_CONFIG, Duration.ofSeconds(5)).stream()
                        .map(info -> new TopicPartition(info.topic(), info.partition()))
                        .toList();
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (tenantId.equals(record.key())) {
                        seen.add(record);
                        if (until.test(record)) {
                            return seen;
                        }
                    }
                }
            }
            throw new AssertionError(
                    "no matching tenant-config record for " + tenantId + " within 20 s; saw " + seen.size());
        }
    }
}
