package com.spotfunnel.voice.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Names that must agree across objects: selectors, ports, hosts and the addresses in the services' settings. */
class WiringTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.spotfunnel.voice.k8s.Overlays#names")
    void everyServiceSelectsADeploymentAndOneOfItsPorts(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        for (K8sObject service : manifests.ofKind("Service")) {
            List<K8sObject> selected = manifests.ofKind("Deployment").stream()
                    .filter(d -> d.namespace().equals(service.namespace())
                            && LabelSelectors.matchesMap(
                                    service.spec().path("selector"),
                                    Manifests.labels(d.spec()
                                            .path("template")
                                            .path("metadata")
                                            .path("labels"))))
                    .toList();
            assertEquals(1, selected.size(), service.id() + " selects exactly one Deployment's pods");
            Set<String> containerPorts = new HashSet<>();
            Manifests.allContainers(selected.get(0))
                    .forEach(c -> c.path("ports")
                            .forEach(p -> containerPorts.add(p.path("name").asText())));
            for (JsonNode port : service.spec().path("ports")) {
                assertTrue(
                        containerPorts.contains(port.path("targetPort").asText()),
                        service.id() + " targets port " + port.path("targetPort") + " that no container names");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.spotfunnel.voice.k8s.Overlays#names")
    void everyServiceMonitorScrapesQuarkusMetricsOfAService(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        for (K8sObject monitor : manifests.ofKind("ServiceMonitor")) {
            List<K8sObject> services = manifests.ofKind("Service").stream()
                    .filter(s -> s.namespace().equals(monitor.namespace())
                            && LabelSelectors.matches(
                                    monitor.spec().path("selector"),
                                    Manifests.labels(s.json().path("metadata").path("labels"))))
                    .toList();
            assertEquals(1, services.size(), monitor.id() + " selects one Service by its labels");
            for (JsonNode endpoint : monitor.spec().path("endpoints")) {
                assertEquals("/q/metrics", endpoint.path("path").asText(), monitor.id());
                assertTrue(
                        services.get(0)
                                .spec()
                                .path("ports")
                                .toString()
                                .contains("\"name\":\"" + endpoint.path("port").asText() + "\""),
                        monitor.id() + " scrapes a port the Service names");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.spotfunnel.voice.k8s.Overlays#names")
    void theIngressCarriesTwilioMediaStreamsForAWholeCall(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        K8sObject gateway = manifests.deployment("voice-gateway");
        Map<String, String> env = manifests.environment(gateway, Manifests.container(gateway, "voice-gateway"));
        String publicHost = URI.create(env.get("PUBLIC_BASE_URL")).getHost();

        K8sObject media = routeTo(manifests, "/twilio/media");
        JsonNode annotations = media.json().path("metadata").path("annotations");
        long callSeconds = Durations.parse(env.get("SHUTDOWN_TIMEOUT")).toSeconds();
        for (String timeout : new String[] {"proxy-read-timeout", "proxy-send-timeout"}) {
            long seconds =
                    annotations.path("nginx.ingress.kubernetes.io/" + timeout).asLong(60);
            assertTrue(
                    seconds >= callSeconds,
                    media.id() + ": " + timeout + " " + seconds + " s is shorter than a call may last");
        }
        assertEquals(
                "off",
                annotations.path("nginx.ingress.kubernetes.io/proxy-buffering").asText(),
                media.id());
        assertEquals(publicHost, hostOf(media, "/twilio/media"), "PUBLIC_BASE_URL names the host Twilio streams to");
        assertEquals(publicHost, hostOf(routeTo(manifests, "/twilio"), "/twilio"), "webhooks on the signed host");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.spotfunnel.voice.k8s.Overlays#names")
    void theIngressRoutesOnlyPublicPathsToServicesThatExist(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        Map<String, String> expected = Map.of(
                "/twilio",
                "voice-gateway",
                "/twilio/media",
                "voice-gateway",
                "/api/v1",
                "dashboard-api",
                "/tenants",
                "admin-api",
                "/api",
                "admin-api");
        Map<String, String> routed = new java.util.HashMap<>();
        for (K8sObject ingress : manifests.ofKind("Ingress")) {
            assertEquals("nginx", ingress.spec().path("ingressClassName").asText(), ingress.id());
            for (JsonNode rule : ingress.spec().path("rules")) {
                for (JsonNode path : rule.path("http").path("paths")) {
                    String p = path.path("path").asText();
                    assertFalse(p.equals("/") || p.startsWith("/q"), ingress.id() + " exposes " + p);
                    JsonNode backend = path.path("backend").path("service");
                    K8sObject service = manifests.get(
                            "Service", ingress.namespace(), backend.path("name").asText());
                    assertTrue(
                            service.spec()
                                    .path("ports")
                                    .toString()
                                    .contains("\"name\":\""
                                            + backend.path("port").path("name").asText() + "\""),
                            ingress.id() + " routes to a port " + service.id() + " names");
                    routed.put(p, backend.path("name").asText());
                }
            }
        }
        expected.forEach((path, service) -> assertEquals(service, routed.get(path), "route for " + path));
    }

    /** The addresses in the settings are the ones the rendered Kafka, PostgreSQL, Redis and pipeline answer on. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("com.spotfunnel.voice.k8s.Overlays#names")
    void settingsPointAtTheRenderedInfrastructure(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        K8sObject kafka = manifests.ofKind("Kafka").get(0);
        int plainPort =
                kafka.spec().path("kafka").path("listeners").get(0).path("port").asInt();
        String bootstrap = kafka.name() + "-kafka-bootstrap." + kafka.namespace() + ".svc:" + plainPort;
        K8sObject postgres = manifests.get("Cluster", "spotfunnel", "postgres");
        for (String service : Services.ALL) {
            K8sObject deployment = manifests.deployment(service);
            Map<String, String> env = manifests.environment(deployment, Manifests.container(deployment, service));
            assertEquals(bootstrap, env.get("KAFKA_BOOTSTRAP_SERVERS"), service);
            URI redis = URI.create(env.get("REDIS_URL"));
            K8sObject redisService = manifests.get("Service", deployment.namespace(), redis.getHost());
            assertEquals(
                    redis.getPort(),
                    redisService.spec().path("ports").get(0).path("port").asInt(),
                    service + " REDIS_URL port");
            if (Services.DATABASE_USERS.contains(service)) {
                assertEquals(postgres.name() + "-rw", env.get("DB_HOST"), service);
                assertEquals("secret:" + postgres.name() + "-app/password", env.get("DB_PASSWORD"), service);
                assertEquals(
                        postgres.spec()
                                .path("bootstrap")
                                .path("initdb")
                                .path("database")
                                .asText(),
                        env.get("DB_NAME"),
                        service);
            }
        }
        K8sObject gateway = manifests.deployment("voice-gateway");
        URI pipelineUrl = URI.create(manifests
                .environment(gateway, Manifests.container(gateway, "voice-gateway"))
                .get("PIPELINE_URL"));
        K8sObject pipeline = manifests.get("Service", "spotfunnel", pipelineUrl.getHost());
        assertEquals(
                pipelineUrl.getPort(),
                pipeline.spec().path("ports").get(0).path("port").asInt(),
                "PIPELINE_URL port");
    }

    private static K8sObject routeTo(Manifests manifests, String path) {
        List<K8sObject> found = new ArrayList<>();
        for (K8sObject ingress : manifests.ofKind("Ingress")) {
            if (hostOf(ingress, path) != null) {
                found.add(ingress);
            }
        }
        assertEquals(1, found.size(), "one Ingress routes " + path);
        return found.get(0);
    }

    private static String hostOf(K8sObject ingress, String path) {
        for (JsonNode rule : ingress.spec().path("rules")) {
            for (JsonNode p : rule.path("http").path("paths")) {
                if (p.path("path").asText().equals(path)) {
                    return rule.path("host").asText();
                }
            }
        }
        return null;
    }
}
