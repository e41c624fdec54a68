package com.spotfunnel.voice.k8s;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A deploy must not stop at "Refusing to start": every setting a service's prod profile requires (for the
 * providers and features the manifests switch on) is set in its Deployment, by a ConfigMap or a Secret.
 */
class RequiredSettingsTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.spotfunnel.voice.k8s.Overlays#names")
    void everyRequiredSettingIsSet(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        List<String> missing = new ArrayList<>();
        for (String service : Services.ALL) {
            K8sObject deployment = manifests.deployment(service);
            Map<String, String> env = manifests.environment(deployment, Manifests.container(deployment, service));
            Set<String> required = RequiredSettings.of(service, env);
            assertFalse(required.isEmpty(), service + " declares its required settings");
            for (String name : required) {
                if (env.getOrDefault(name, "").isBlank()) {
                    missing.add(service + ": " + name);
                }
            }
        }
        assertTrue(
                missing.isEmpty(),
                overlay + " leaves required settings unset (the pods would refuse to start): " + missing);
    }

    /** The check above is only as good as its reading of the feature switches: the chosen providers count. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("com.spotfunnel.voice.k8s.Overlays#names")
    void theProvidersTheManifestsChooseBringTheirKeys(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        K8sObject pipeline = manifests.deployment("pipeline-service");
        Map<String, String> env = manifests.environment(pipeline, Manifests.container(pipeline, "pipeline-service"));
        Set<String> required = RequiredSettings.of("pipeline-service", env);
        for (String provider :
                (env.get("PIPELINE_LLM_PROVIDERS") + "," + env.get("PIPELINE_TTS_PROVIDERS")).split(",")) {
            if (!provider.isBlank() && !provider.equals("simulated")) {
                assertTrue(
                        required.contains(provider.trim().toUpperCase() + "_API_KEY"),
                        "the pipeline requires the key of " + provider + ": " + required);
            }
        }
    }
}
