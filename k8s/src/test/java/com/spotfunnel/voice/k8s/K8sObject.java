package com.spotfunnel.voice.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One rendered object, with the few accessors every check needs. */
record K8sObject(ObjectNode json) {

    String apiVersion() {
        return json.path("apiVersion").asText();
    }

    String kind() {
        return json.path("kind").asText();
    }

    String name() {
        return json.path("metadata").path("name").asText();
    }

    String namespace() {
        return json.path("metadata").path("namespace").asText("");
    }

    JsonNode spec() {
        return json.path("spec");
    }

    /** kind/namespace/name, for failure messages. */
    String id() {
        return kind() + "/" + (namespace().isEmpty() ? "" : namespace() + "/") + name();
    }
}
