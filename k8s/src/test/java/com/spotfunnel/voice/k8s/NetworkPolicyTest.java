package com.spotfunnel.voice.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Default deny, and every allow rule aimed at pods that exist: a selector matching nothing allows nothing. */
class NetworkPolicyTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.spotfunnel.voice.k8s.Overlays#names")
    void everyPolicyAndEveryPeerSelectsPodsThatExist(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        List<Pod> pods = manifests.pods();
        Set<String> ourNamespaces = new TreeSet<>();
        manifests.ofKind("Namespace").forEach(ns -> ourNamespaces.add(ns.name()));
        List<String> problems = new ArrayList<>();
        for (K8sObject policy : manifests.ofKind("NetworkPolicy")) {
            if (matching(pods, policy.namespace(), policy.spec().path("podSelector"))
                    .isEmpty()) {
                problems.add(policy.id() + ": podSelector matches no pod");
            }
            for (String direction : new String[] {"ingress/from", "egress/to"}) {
                String[] parts = direction.split("/");
                for (JsonNode rule : policy.spec().path(parts[0])) {
                    for (JsonNode peer : rule.path(parts[1])) {
                        if (!peer.has("podSelector")) {
                            continue;
                        }
                        String namespace = peerNamespace(policy, peer);
                        if (namespace != null
                                && ourNamespaces.contains(namespace)
                                && matching(pods, namespace, peer.path("podSelector"))
                                        .isEmpty()) {
                            problems.add(policy.id() + ": " + parts[0] + " peer " + peer + " matches no pod in "
                                    + namespace);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.spotfunnel.voice.k8s.Overlays#names")
    void theApplicationNamespaceDeniesByDefault(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        boolean defaultDeny = manifests.ofKind("NetworkPolicy").stream()
                .filter(p -> p.namespace().equals("spotfunnel"))
                .anyMatch(p -> p.spec().path("podSelector").isEmpty()
                        && p.spec().path("policyTypes").toString().contains("Ingress")
                        && p.spec().path("policyTypes").toString().contains("Egress")
                        && p.spec().path("ingress").isMissingNode()
                        && p.spec().path("egress").isMissingNode());
        assertTrue(defaultDeny, "a default-deny policy (all pods, ingress and egress, no rules) in spotfunnel");
    }

    /** pipeline-service is internal: only voice-gateway (and Prometheus, for metrics) may open connections to it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("com.spotfunnel.voice.k8s.Overlays#names")
    void onlyTheGatewayAndAdminApiReachThePipeline(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        Pod pipeline = manifests.pods().stream()
                .filter(p -> "pipeline-service".equals(p.labels().get("app.kubernetes.io/name")))
                .findFirst()
                .orElseThrow();
        Set<String> allowedFrom = new TreeSet<>();
        for (K8sObject policy : manifests.ofKind("NetworkPolicy")) {
            if (!policy.namespace().equals(pipeline.namespace())
                    || !LabelSelectors.matches(policy.spec().path("podSelector"), pipeline.labels())) {
                continue;
            }
            for (JsonNode rule : policy.spec().path("ingress")) {
                assertFalse(
                        rule.path("from").isMissingNode() || rule.path("from").isEmpty(),
                        policy.id() + " admits the pipeline from anywhere");
                for (JsonNode peer : rule.path("from")) {
                    allowedFrom.add(
                            peer.has("namespaceSelector")
                                    ? "namespace "
                                            + peer.path("namespaceSelector")
                                                    .path("matchLabels")
                                                    .path("kubernetes.io/metadata.name")
                                                    .asText()
                                    : peer.path("podSelector")
                                            .path("matchLabels")
                                            .path("app.kubernetes.io/name")
                                            .asText());
                }
            }
        }
        // the gateway for calls, admin-api for stress tests (/internal/*), Prometheus for metrics; never the ingress
        assertEquals(Set.of("voice-gateway", "admin-api", "namespace monitoring"), allowedFrom);
        for (K8sObject ingress : manifests.ofKind("Ingress")) {
            assertFalse(
                    ingress.spec().toString().contains("\"pipeline-service\""),
                    ingress.id() + " routes to pipeline-service");
        }
    }

    private static List<Pod> matching(List<Pod> pods, String namespace, JsonNode selector) {
        return pods.stream()
                .filter(p -> p.namespace().equals(namespace) && LabelSelectors.matches(selector, p.labels()))
                .toList();
    }

    /** The namespace a peer points into, or null when it selects namespaces by anything but their name. */
    private static String peerNamespace(K8sObject policy, JsonNode peer) {
        if (!peer.has("namespaceSelector")) {
            return policy.namespace();
        }
        JsonNode name = peer.path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name");
        return name.isMissingNode() ? null : name.asText();
    }
}
