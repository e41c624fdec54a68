package com.spotfunnel.voice.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pods that no rendered Deployment describes but an operator creates from a custom resource, with the labels
 * the operator gives them (Strimzi: one pod per KafkaNodePool node; CloudNativePG: one per Cluster instance),
 * so NetworkPolicies aimed at them can be checked too.
 */
final class OperatorPods {

    private OperatorPods() {}

    static List<Pod> of(K8sObject o, Manifests all) {
        return switch (o.kind()) {
            case "KafkaNodePool" -> List.of(kafkaNode(o));
            case "Cluster" ->
                o.apiVersion().startsWith("postgresql.cnpg.io/")
                        ? List.of(new Pod(
                                o.namespace(),
                                Map.of("cnpg.io/cluster", o.name(), "cnpg.io/podRole", "instance"),
                                o.id()))
                        : List.of();
            default -> List.of();
        };
    }

    private static Pod kafkaNode(K8sObject pool) {
        String cluster = pool.json()
                .path("metadata")
                .path("labels")
                .path("strimzi.io/cluster")
                .asText();
        Map<String, String> labels = new TreeMap<>(Map.of(
                "strimzi.io/cluster",
                cluster,
                "strimzi.io/kind",
                "Kafka",
                "strimzi.io/name",
                cluster + "-kafka",
                "strimzi.io/pool-name",
                pool.name()));
        for (JsonNode role : pool.spec().path("roles")) {
            labels.put("strimzi.io/" + role.asText() + "-role", "true");
        }
        return new Pod(pool.namespace(), labels, pool.id());
    }
}
