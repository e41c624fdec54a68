package com.spotfunnel.voice.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The topics are the contract of docs/events.md (names as in call-events' Topics): call-events deleted after a
 * retention, tenant-config compacted; and no topic asks for more replicas than the cluster has brokers.
 */
class KafkaTopicsTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.spotfunnel.voice.k8s.Overlays#names")
    void topicsKeepTheContract(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        JsonNode callEvents =
                manifests.get("KafkaTopic", "kafka", "call-events").spec();
        assertEquals("delete", callEvents.path("config").path("cleanup.policy").asText());
        assertTrue(
                callEvents.path("config").path("retention.ms").asLong() >= 7L * 24 * 3600 * 1000,
                "call-events keeps at least a week to rebuild read models from");
        assertTrue(callEvents.path("partitions").asInt() >= 3, "as many partitions as the test broker at least");
        JsonNode tenantConfig =
                manifests.get("KafkaTopic", "kafka", "tenant-config").spec();
        assertEquals(
                "compact", tenantConfig.path("config").path("cleanup.policy").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.spotfunnel.voice.k8s.Overlays#names")
    void replicationFitsTheBrokers(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        for (K8sObject kafka : manifests.ofKind("Kafka")) {
            int brokers = 0;
            for (K8sObject pool : manifests.ofKind("KafkaNodePool")) {
                if (pool.json()
                                .path("metadata")
                                .path("labels")
                                .path("strimzi.io/cluster")
                                .asText()
                                .equals(kafka.name())
                        && pool.spec().path("roles").toString().contains("broker")) {
                    brokers += pool.spec().path("replicas").asInt();
                }
            }
            assertTrue(brokers >= 1, kafka.id() + " has broker nodes");
            JsonNode config = kafka.spec().path("kafka").path("config");
            for (String key : new String[] {
                "default.replication.factor",
                "offsets.topic.replication.factor",
                "transaction.state.log.replication.factor",
                "min.insync.replicas"
            }) {
                assertTrue(config.path(key).asInt(1) <= brokers, kafka.id() + " " + key + " > " + brokers + " brokers");
            }
            for (K8sObject topic : manifests.ofKind("KafkaTopic")) {
                int replicas = topic.spec().path("replicas").asInt();
                int minIsr =
                        topic.spec().path("config").path("min.insync.replicas").asInt(1);
                assertTrue(
                        replicas <= brokers,
                        topic.id() + " wants " + replicas + " replicas of " + brokers + " brokers");
                assertTrue(
                        minIsr == 1 || minIsr < replicas,
                        topic.id() + ": min.insync.replicas " + minIsr
                                + " leaves no broker to lose (acks=all producers would stop)");
            }
        }
    }
}
