package com.spotfunnel.voice.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A packaged service started in the prod profile without its secrets refuses to start: exit status 1 and one line
 * naming every missing setting, before anything else reads the configuration (no stack trace about the first one).
 */
class RequiredSettingsE2ETest {

    @Test
    void theGatewayNamesEveryMissingSettingInOneLineAndExits() throws Exception {
        // TWILIO_AUTH_TOKEN and PIPELINE_URL missing; the rest set.
        Map<String, String> env = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS",
                "127.0.0.1:1",
                "TWILIO_ACCOUNT_SID",
                "AC00000000000000000000000000000009",
                "PUBLIC_BASE_URL",
                "https://gateway.example.com");
        assertRefusal(
                "voice-gateway-missing-settings",
                "e2e.voice-gateway.jar",
                env,
                "Refusing to start: required settings TWILIO_AUTH_TOKEN, PIPELINE_URL are not set (see .env.example)");
    }

    @Test
    void thePipelineNeedsTheKeyOfEveryConfiguredProvider() throws Exception {
        Map<String, String> env = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS",
                "127.0.0.1:1",
                "PIPELINE_STT_PROVIDERS",
                "simulated",
                "PIPELINE_LLM_PROVIDERS",
                "openai,gemini",
                "PIPELINE_TTS_PROVIDERS",
                "cartesia",
                "OPENAI_API_KEY",
                "sk-set",
                "KNOWLEDGE_ENABLED",
                "false");
        assertRefusal(
                "pipeline-service-missing-settings",
                "e2e.pipeline-service.jar",
                env,
                "Refusing to start: required settings GEMINI_API_KEY, CARTESIA_API_KEY are not set (see .env.example)");
    }

    @Test
    void withKnowledgeOnThePipelineNeedsItsOidcClientForAdminApi() throws Exception {
        Map<String, String> env = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS",
                "127.0.0.1:1",
                "PIPELINE_STT_PROVIDERS",
                "simulated",
                "PIPELINE_LLM_PROVIDERS",
                "simulated",
                "PIPELINE_TTS_PROVIDERS",
                "simulated",
                "ADMIN_API_URL",
                "http://admin-api:8082",
                "OIDC_CLIENT_ID",
                "spotfunnel-pipeline");
        assertRefusal(
                "pipeline-service-missing-oidc-client",
                "e2e.pipeline-service.jar",
                env,
                "Refusing to start: required settings OIDC_AUTH_SERVER_URL, OIDC_CLIENT_SECRET are not set (see .env.example)");
    }

    private static void assertRefusal(String name, String jar, Map<String, String> env, String line) throws Exception {
        try (ServiceProcess service = ServiceProcess.start(name, jar, ServiceProcess.freePort(), env, List.of())) {
            assertEquals(1, service.exitStatus(Duration.ofSeconds(60)), service.output());
            String output = service.output();
            List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
            assertEquals(List.of(line), lines, output);
            assertFalse(output.contains("Exception"), output);
        }
    }
}
