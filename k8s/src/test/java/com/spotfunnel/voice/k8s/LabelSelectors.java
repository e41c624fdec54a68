package com.spotfunnel.voice.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Kubernetes label-selector semantics (matchLabels and matchExpressions; an empty selector matches all). */
final class LabelSelectors {

    private LabelSelectors() {}

    static boolean matches(JsonNode selector, Map<String, String> labels) {
        for (var entry : selector.path("matchLabels").properties()) {
            if (!entry.getValue().asText().equals(labels.get(entry.getKey()))) {
                return false;
            }
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String key = expression.path("key").asText();
            Set<String> values = new HashSet<>();
            expression.path("values").forEach(v -> values.add(v.asText()));
            boolean ok = switch (expression.path("operator").asText()) {
                case "In" -> values.contains(labels.get(key));
                case "NotIn" -> !values.contains(labels.get(key));
                case "Exists" -> labels.containsKey(key);
                case "DoesNotExist" -> !labels.containsKey(key);
                default -> throw new AssertionError("unknown selector operator in " + expression);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** A Service's spec.selector is a plain map. */
    static boolean matchesMap(JsonNode selector, Map<String, String> labels) {
        for (var entry : selector.properties()) {
            if (!entry.getValue().asText().equals(labels.get(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
