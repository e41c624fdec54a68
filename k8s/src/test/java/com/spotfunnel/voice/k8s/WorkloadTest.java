package com.spotfunnel.voice.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Probes, resources, drain, migrations, scaling and images of every Deployment, per overlay. */
class WorkloadTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.spotfunnel.voice.k8s.Overlays#names")
    void everyContainerHasProbesAndResourceRequestsAndLimits(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        for (K8sObject deployment : manifests.ofKind("Deployment")) {
            JsonNode podSpec = deployment.spec().path("template").path("spec");
            for (JsonNode container : podSpec.path("containers")) {
                for (String probe : new String[] {"startupProbe", "livenessProbe", "readinessProbe"}) {
                    assertFalse(container.path(probe).isMissingNode(), deployment.id() + " lacks " + probe);
                }
            }
            for (JsonNode container : Manifests.allContainers(deployment)) {
                for (String kind : new String[] {"requests", "limits"}) {
                    for (String resource : new String[] {"cpu", "memory"}) {
                        assertTrue(
                                container.path("resources").path(kind).hasNonNull(resource),
                                deployment.id() + " container "
                                        + container.path("name").asText() + " lacks " + kind + "." + resource);
                    }
                }
            }
        }
        for (String service : Services.ALL) {
            JsonNode container = Manifests.container(manifests.deployment(service), service);
            assertEquals(
                    "/q/health/started",
                    container.path("startupProbe").path("httpGet").path("path").asText(),
                    service);
            assertEquals(
                    "/q/health/live",
                    container.path("livenessProbe").path("httpGet").path("path").asText(),
                    service);
            assertEquals(
                    "/q/health/ready",
                    container
                            .path("readinessProbe")
                            .path("httpGet")
                            .path("path")
                            .asText(),
                    service);
        }
    }

    /**
     * A pod being replaced or scaled away keeps its live calls: Kubernetes only kills it after
     * terminationGracePeriodSeconds, which must cover the preStop wait plus the service's own drain
     * (SHUTDOWN_TIMEOUT, and for the gateway DRAIN_GRACE after it) and the event producer's final flush
     * (CALL_EVENTS_CLOSE_TIMEOUT_MS, 30 s by default, in the services that publish call events), and no rollout
     * takes a pod away first.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("com.spotfunnel.voice.k8s.Overlays#names")
    void terminationOutlastsTheDrain(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        for (String service : Services.ALL) {
            K8sObject deployment = manifests.deployment(service);
            JsonNode container = Manifests.container(deployment, service);
            Map<String, String> env = manifests.environment(deployment, container);
            Duration drain = Durations.parse(env.getOrDefault("SHUTDOWN_TIMEOUT", "30s"))
                    .plus(env.containsKey("DRAIN_GRACE") ? Durations.parse(env.get("DRAIN_GRACE")) : Duration.ZERO)
                    .plus(preStopWait(container))
                    .plus(
                            Services.CALL_CARRYING.contains(service)
                                    ? Duration.ofMillis(
                                            Long.parseLong(env.getOrDefault("CALL_EVENTS_CLOSE_TIMEOUT_MS", "30000")))
                                    : Duration.ZERO);
            long grace = deployment
                    .spec()
                    .path("template")
                    .path("spec")
                    .path("terminationGracePeriodSeconds")
                    .asLong(30);
            assertTrue(
                    grace >= drain.toSeconds(),
                    service + ": terminationGracePeriodSeconds " + grace
                            + " is shorter than preStop + SHUTDOWN_TIMEOUT + DRAIN_GRACE + producer flush = "
                            + drain.toSeconds() + " s");
            assertEquals(
                    0,
                    deployment
                            .spec()
                            .path("strategy")
                            .path("rollingUpdate")
                            .path("maxUnavailable")
                            .asInt(-1),
                    service + ": a rollout must start the new pod before an old one drains");
        }
        for (String service : Services.CALL_CARRYING) {
            JsonNode container = Manifests.container(manifests.deployment(service), service);
            Map<String, String> env = manifests.environment(manifests.deployment(service), container);
            assertTrue(
                    Durations.parse(env.get("SHUTDOWN_TIMEOUT")).toMinutes() >= 10,
                    service + " carries calls: SHUTDOWN_TIMEOUT must let a long call finish");
            assertTrue(preStopWait(container).toSeconds() > 0, service + " waits in preStop for endpoint removal");
            JsonNode readiness = container.path("readinessProbe");
            assertTrue(
                    readiness.path("periodSeconds").asInt(10)
                                    * readiness.path("failureThreshold").asInt(3)
                            <= 5,
                    service + ": readiness must turn DOWN within 5 s of draining");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.spotfunnel.voice.k8s.Overlays#names")
    void migrationsRunBeforeTheNewVersionServes(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        for (String service : Services.WITH_SCHEMA) {
            K8sObject deployment = manifests.deployment(service);
            JsonNode inits = deployment.spec().path("template").path("spec").path("initContainers");
            assertEquals(1, inits.size(), service + " has one migration init container");
            JsonNode migrate = inits.get(0);
            JsonNode app = Manifests.container(deployment, service);
            assertEquals(
                    app.path("image").asText(),
                    migrate.path("image").asText(),
                    service + ": migrations come from the same image");
            Map<String, String> migrateEnv = manifests.environment(deployment, migrate);
            Map<String, String> appEnv = manifests.environment(deployment, app);
            assertEquals(
                    "true",
                    migrateEnv.get("QUARKUS_INIT_AND_EXIT"),
                    service + ": the init container migrates and exits");
            assertEquals(
                    "false",
                    appEnv.get("QUARKUS_FLYWAY_MIGRATE_AT_START"),
                    service + ": the serving container does not migrate");
            for (String key : new String[] {"DB_HOST", "DB_PORT", "DB_NAME", "DB_USER", "DB_PASSWORD"}) {
                assertEquals(appEnv.get(key), migrateEnv.get(key), service + ": migration and app use the same " + key);
            }
        }
        for (String service : Services.CALL_CARRYING) {
            assertTrue(
                    manifests
                            .deployment(service)
                            .spec()
                            .path("template")
                            .path("spec")
                            .path("initContainers")
                            .isMissingNode(),
                    service
                            + " has no migration init container (the gateway has no schema; the pipeline migrates at start)");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.spotfunnel.voice.k8s.Overlays#names")
    void callCarryingServicesScaleOnTheirOwnLiveCalls(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        Map<String, String> metricOf =
                Map.of("voice-gateway", "gateway_active_calls", "pipeline-service", "pipeline_active_calls");
        for (K8sObject scaled : manifests.ofKind("ScaledObject")) {
            K8sObject target = manifests.get(
                    "Deployment",
                    scaled.namespace(),
                    scaled.spec().path("scaleTargetRef").path("name").asText());
            assertTrue(
                    target.spec().path("replicas").isMissingNode(),
                    target.id() + " must not set replicas: KEDA owns them, and every apply would reset them");
            assertTrue(
                    scaled.spec().path("minReplicaCount").asInt() >= 1,
                    scaled.id() + " never scales to zero (calls arrive any time)");
            if (scaled.spec().has("fallback")) {
                boolean averageValueTrigger = false;
                for (JsonNode trigger : scaled.spec().path("triggers")) {
                    String type = trigger.path("type").asText();
                    averageValueTrigger |= !type.equals("cpu")
                            && !type.equals("memory")
                            && trigger.path("metricType").asText("AverageValue").equals("AverageValue");
                }
                assertTrue(
                        averageValueTrigger,
                        scaled.id() + ": KEDA accepts a fallback only with an AverageValue trigger");
            }
        }
        for (var entry : metricOf.entrySet()) {
            K8sObject scaled = manifests.get("ScaledObject", "spotfunnel", entry.getKey());
            assertEquals(
                    entry.getKey(),
                    scaled.spec().path("scaleTargetRef").path("name").asText());
            boolean onLiveCalls = false;
            for (JsonNode trigger : scaled.spec().path("triggers")) {
                onLiveCalls |= trigger.path("type").asText().equals("prometheus")
                        && trigger.path("metadata").path("query").asText().contains(entry.getValue());
            }
            assertTrue(onLiveCalls, entry.getKey() + " scales on " + entry.getValue());
        }
    }

    /**
     * The gateway refuses calls past GATEWAY_MAX_LIVE_CALLS per pod, the pipeline conversations past
     * PIPELINE_MAX_LIVE_CONVERSATIONS; the autoscaler must add pods before that, on the same live-call count: its
     * threshold is below the limit (at most 80 % of it, headroom for the minute scale-out takes), and the limit is
     * set (0 would mean no limit, and no honest "busy").
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("com.spotfunnel.voice.k8s.Overlays#names")
    void eachServiceScalesOutBeforeItsAdmissionLimitRefusesCalls(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        assertScalesBeforeLimit(manifests, overlay, "voice-gateway", "GATEWAY_MAX_LIVE_CALLS", "gateway_active_calls");
        assertScalesBeforeLimit(
                manifests, overlay, "pipeline-service", "PIPELINE_MAX_LIVE_CONVERSATIONS", "pipeline_active_calls");
    }

    private static void assertScalesBeforeLimit(
            Manifests manifests, String overlay, String service, String limitSetting, String liveMetric) {
        K8sObject deployment = manifests.deployment(service);
        Map<String, String> env = manifests.environment(deployment, Manifests.container(deployment, service));
        int limit = Integer.parseInt(env.getOrDefault(limitSetting, "0"));
        assertTrue(limit > 0, overlay + ": " + service + " has no live-call limit (" + limitSetting + ")");
        K8sObject scaled = manifests.get("ScaledObject", "spotfunnel", service);
        boolean onLiveCalls = false;
        for (JsonNode trigger : scaled.spec().path("triggers")) {
            if (trigger.path("metadata").path("query").asText().contains(liveMetric)) {
                onLiveCalls = true;
                double threshold = Double.parseDouble(
                        trigger.path("metadata").path("threshold").asText());
                assertTrue(
                        threshold > 0 && threshold <= 0.8 * limit,
                        overlay + ": " + service + "'s scale-out threshold " + threshold + " live calls per pod is not"
                                + " below 80 % of the admission limit " + limit);
            }
        }
        assertTrue(onLiveCalls, overlay + ": " + service + " scales on " + liveMetric);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.spotfunnel.voice.k8s.Overlays#names")
    void everyImageIsPinnedAndTheServicesShipTogether(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        Set<String> serviceTags = new HashSet<>();
        for (K8sObject deployment : manifests.ofKind("Deployment")) {
            for (JsonNode container : Manifests.allContainers(deployment)) {
                String image = container.path("image").asText();
                int colon = image.lastIndexOf(':');
                assertTrue(colon > image.lastIndexOf('/'), deployment.id() + ": image without a tag: " + image);
                assertNotEquals("latest", image.substring(colon + 1), deployment.id() + ": image tag latest");
                if (Services.ALL.contains(deployment.name())) {
                    serviceTags.add(image.substring(colon + 1));
                }
            }
        }
        assertEquals(1, serviceTags.size(), "the four services are one release: " + serviceTags);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.spotfunnel.voice.k8s.Overlays#names")
    void everyServiceHasADisruptionBudgetOverItsPods(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        for (String service : Services.ALL) {
            K8sObject pdb = manifests.get("PodDisruptionBudget", "spotfunnel", service);
            Map<String, String> podLabels = Manifests.labels(manifests
                    .deployment(service)
                    .spec()
                    .path("template")
                    .path("metadata")
                    .path("labels"));
            assertTrue(
                    LabelSelectors.matches(pdb.spec().path("selector"), podLabels), pdb.id() + " selects " + service);
            assertTrue(pdb.spec().has("maxUnavailable") || pdb.spec().has("minAvailable"), pdb.id());
        }
    }

    private static Duration preStopWait(JsonNode container) {
        JsonNode preStop = container.path("lifecycle").path("preStop");
        if (preStop.has("sleep")) {
            return Duration.ofSeconds(preStop.path("sleep").path("seconds").asLong());
        }
        JsonNode command = preStop.path("exec").path("command");
        if (command.size() == 2 && command.get(0).asText().equals("sleep")) {
            return Duration.ofSeconds(command.get(1).asLong());
        }
        return Duration.ZERO;
    }
}
