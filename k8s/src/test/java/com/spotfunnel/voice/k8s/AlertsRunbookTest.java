package com.spotfunnel.voice.k8s;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An alert that pages someone must say what it means: each alert in the rendered PrometheusRules has its own
 * section in docs/RUNBOOK.md, and carries a summary and a severity the on-call routing can use.
 */
class AlertsRunbookTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.spotfunnel.voice.k8s.Overlays#names")
    void everyAlertIsExplainedInTheRunbook(String overlay) throws IOException {
        String runbook = Files.readString(Path.of("..", "docs", "RUNBOOK.md"));
        List<String> problems = new ArrayList<>();
        List<K8sObject> rules = Overlays.rendered(overlay).ofKind("PrometheusRule");
        assertFalse(rules.isEmpty(), overlay + " renders PrometheusRules");
        for (K8sObject rule : rules) {
            for (JsonNode group : rule.spec().path("groups")) {
                for (JsonNode alert : group.path("rules")) {
                    String name = alert.path("alert").asText();
                    if (name.isEmpty()) {
                        continue;
                    }
                    if (!runbook.contains("### " + name + "\n")) {
                        problems.add(name + " has no '### " + name + "' section in docs/RUNBOOK.md");
                    }
                    if (alert.path("labels").path("severity").asText().isEmpty()
                            || alert.path("annotations")
                                    .path("summary")
                                    .asText()
                                    .isEmpty()) {
                        problems.add(name + " lacks a severity label or a summary annotation");
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
