package com.spotfunnel.voice.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The objects one overlay renders to, and the questions the checks ask about them. */
record Manifests(List<K8sObject> objects) {

    List<K8sObject> ofKind(String kind) {
        return objects.stream().filter(o -> o.kind().equals(kind)).toList();
    }

    Optional<K8sObject> find(String kind, String namespace, String name) {
        return objects.stream()
                .filter(o -> o.kind().equals(kind)
                        && o.namespace().equals(namespace)
                        && o.name().equals(name))
                .findFirst();
    }

    K8sObject get(String kind, String namespace, String name) {
        return find(kind, namespace, name)
                .orElseThrow(() -> new AssertionError("no " + kind + " " + namespace + "/" + name + " rendered"));
    }

    K8sObject deployment(String name) {
        return get("Deployment", "spotfunnel", name);
    }

    static JsonNode container(K8sObject deployment, String name) {
        for (JsonNode c : deployment.spec().path("template").path("spec").path("containers")) {
            if (c.path("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError(deployment.id() + " has no container " + name);
    }

    static List<JsonNode> allContainers(K8sObject workload) {
        List<JsonNode> containers = new ArrayList<>();
        JsonNode podSpec = workload.spec().path("template").path("spec");
        podSpec.path("initContainers").forEach(containers::add);
        podSpec.path("containers").forEach(containers::add);
        return containers;
    }

    /**
     * The environment a container sees: its ConfigMaps (envFrom, in order) then its own env; a value from a
     * Secret shows as {@code secret:<name>/<key>}.
     */
    Map<String, String> environment(K8sObject deployment, JsonNode container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode source : container.path("envFrom")) {
            if (source.has("configMapRef")) {
                K8sObject map = get(
                        "ConfigMap",
                        deployment.namespace(),
                        source.path("configMapRef").path("name").asText());
                map.json()
                        .path("data")
                        .properties()
                        .forEach(e -> env.put(e.getKey(), e.getValue().asText()));
            } else {
                throw new AssertionError(
                        deployment.id() + ": only ConfigMaps may feed envFrom (secrets by key): " + source);
            }
        }
        for (JsonNode var : container.path("env")) {
            JsonNode secret = var.path("valueFrom").path("secretKeyRef");
            env.put(
                    var.path("name").asText(),
                    secret.isMissingNode()
                            ? var.path("value").asText()
                            : "secret:" + secret.path("name").asText() + "/"
                                    + secret.path("key").asText());
        }
        return env;
    }

    /** Labels of every pod template, namespaced, plus the pods the operators create from custom resources. */
    List<Pod> pods() {
        List<Pod> pods = new ArrayList<>();
        for (K8sObject o : objects) {
            switch (o.kind()) {
                case "Deployment", "StatefulSet", "DaemonSet" ->
                    pods.add(new Pod(
                            o.namespace(),
                            labels(o.spec().path("template").path("metadata").path("labels")),
                            o.id()));
                default -> pods.addAll(OperatorPods.of(o, this));
            }
        }
        return pods;
    }

    static Map<String, String> labels(JsonNode labels) {
        Map<String, String> map = new LinkedHashMap<>();
        labels.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }
}
