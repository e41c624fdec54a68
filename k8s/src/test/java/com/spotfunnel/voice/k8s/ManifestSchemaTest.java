package com.spotfunnel.voice.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every object every overlay renders passes its offline schema (model or JSON schema), and nothing is missing. */
class ManifestSchemaTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.spotfunnel.voice.k8s.Overlays#names")
    void everyRenderedObjectMatchesItsSchema(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        List<String> problems = new ArrayList<>();
        for (K8sObject object : manifests.objects()) {
            OfflineValidator.problems(object).forEach(p -> problems.add(object.id() + ": " + p));
        }
        assertEquals(List.of(), problems, overlay + " has objects that do not validate");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.spotfunnel.voice.k8s.Overlays#names")
    void everyPartOfThePlatformIsRendered(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        for (String service : List.of("voice-gateway", "pipeline-service", "admin-api", "dashboard-api")) {
            manifests.get("Deployment", "spotfunnel", service);
            manifests.get("Service", "spotfunnel", service);
            manifests.get("ServiceAccount", "spotfunnel", service);
            manifests.get("ServiceMonitor", "spotfunnel", service);
            manifests.get("PodDisruptionBudget", "spotfunnel", service);
        }
        manifests.get("ScaledObject", "spotfunnel", "voice-gateway");
        manifests.get("ScaledObject", "spotfunnel", "pipeline-service");
        manifests.get("Kafka", "kafka", "kafka");
        manifests.get("KafkaTopic", "kafka", "call-events");
        manifests.get("KafkaTopic", "kafka", "tenant-config");
        manifests.get("Cluster", "spotfunnel", "postgres");
        manifests.get("Deployment", "spotfunnel", "redis");
        assertTrue(manifests.ofKind("NetworkPolicy").size() >= 5, "network policies rendered");
        assertTrue(
                manifests.objects().stream()
                        .filter(o -> !o.kind().equals("Namespace"))
                        .allMatch(o -> !o.namespace().isEmpty()),
                "every namespaced object names its namespace");
    }
}
