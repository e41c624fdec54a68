package com.spotfunnel.voice.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Secrets only by reference, every secret a service needs referenced, and every setting a documented one. */
class SecretsTest {

    private static final Pattern SECRET_LOOKING =
            Pattern.compile(".*(TOKEN|PASSWORD|SECRET|API_KEY|DSN|_SID|USERNAME)$");

    /** What each service cannot start (or report errors) without, all from Secrets. */
    private static final Map<String, List<String>> SECRETS = Map.of(
            "voice-gateway", List.of("TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "CALL_TOKEN_SECRET", "SENTRY_DSN"),
            "pipeline-service",
                    List.of(
                            "DEEPGRAM_API_KEY",
                            "OPENAI_API_KEY",
                            "GEMINI_API_KEY",
                            "CARTESIA_API_KEY",
                            "ELEVENLABS_API_KEY",
                            "OIDC_CLIENT_SECRET",
                            "CALL_TOKEN_SECRET",
                            "SENTRY_DSN"),
            "admin-api",
                    List.of(
                            "DB_USER",
                            "DB_PASSWORD",
                            "SMTP_USERNAME",
                            "SMTP_PASSWORD",
                            "ADMIN_SESSION_STATE_SECRET",
                            "OIDC_SERVICE_CLIENT_SECRET",
                            "SENTRY_DSN"),
            "dashboard-api", List.of("DB_USER", "DB_PASSWORD", "SENTRY_DSN"));

    /** Set by the manifests themselves, not production settings: the JVM and Quarkus' own switches. */
    private static final Set<String> NOT_IN_ENV_EXAMPLE =
            Set.of("JAVA_TOOL_OPTIONS", "QUARKUS_INIT_AND_EXIT", "QUARKUS_FLYWAY_MIGRATE_AT_START");

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.spotfunnel.voice.k8s.Overlays#names")
    void noSecretValueIsWrittenDown(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        assertEquals(
                List.of(),
                manifests.ofKind("Secret").stream().map(K8sObject::id).toList(),
                "Secrets are created outside git");
        List<String> problems = new ArrayList<>();
        for (K8sObject map : manifests.ofKind("ConfigMap")) {
            map.json().path("data").properties().forEach(e -> {
                if (SECRET_LOOKING.matcher(e.getKey()).matches()) {
                    problems.add(map.id() + " holds " + e.getKey());
                }
            });
        }
        for (K8sObject deployment : manifests.ofKind("Deployment")) {
            for (JsonNode container : Manifests.allContainers(deployment)) {
                for (JsonNode var : container.path("env")) {
                    if (var.has("value")
                            && SECRET_LOOKING.matcher(var.path("name").asText()).matches()) {
                        problems.add(
                                deployment.id() + " sets " + var.path("name").asText() + " inline");
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.spotfunnel.voice.k8s.Overlays#names")
    void everyServiceGetsItsSecretsByReference(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        SECRETS.forEach((service, names) -> {
            K8sObject deployment = manifests.deployment(service);
            for (JsonNode container : Manifests.allContainers(deployment)) {
                Map<String, String> env = manifests.environment(deployment, container);
                for (String name : names) {
                    assertTrue(
                            env.getOrDefault(name, "").startsWith("secret:"),
                            service + "/" + container.path("name").asText() + " gets " + name + " from a Secret");
                }
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.spotfunnel.voice.k8s.Overlays#names")
    void everySettingIsOneThatEnvExampleDocuments(String overlay) throws IOException {
        Set<String> documented = documentedSettings();
        Manifests manifests = Overlays.rendered(overlay);
        Set<String> undocumented = new TreeSet<>();
        for (String service : Services.ALL) {
            K8sObject deployment = manifests.deployment(service);
            for (JsonNode container : Manifests.allContainers(deployment)) {
                for (String name : manifests.environment(deployment, container).keySet()) {
                    if (!documented.contains(name) && !NOT_IN_ENV_EXAMPLE.contains(name)) {
                        undocumented.add(service + ": " + name);
                    }
                }
            }
        }
        assertEquals(Set.of(), undocumented, "settings missing from .env.example (or misspelt)");
        assertFalse(documented.isEmpty());
    }

    /** Every NAME in .env.example, set or commented out ("# NAME=value"). */
    private static Set<String> documentedSettings() throws IOException {
        Set<String> names = new TreeSet<>();
        Matcher m =
                Pattern.compile("(?m)^#?\\s*([A-Z][A-Z0-9_]*)=").matcher(Files.readString(Path.of("../.env.example")));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
