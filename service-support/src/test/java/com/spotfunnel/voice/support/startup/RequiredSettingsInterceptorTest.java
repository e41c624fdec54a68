package com.spotfunnel.voice.support.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The check as the configuration of a starting service runs it: lists from the active profile, expressions
 * resolved, features switching settings on. (The packaged service refusing to start is proven in deploy/e2e.)
 */
class RequiredSettingsInterceptorTest {

    private static final Map<String, String> PIPELINE_LIKE = Map.of(
            "%prod.spotfunnel.required-settings.always", "KAFKA_BOOTSTRAP_SERVERS",
            "%prod.spotfunnel.required-settings.features", "${stt},${llm},simulated",
            "stt", "deepgram",
            "llm", "openai,gemini",
            "spotfunnel.required-settings.feature.deepgram", "DEEPGRAM_API_KEY",
            "spotfunnel.required-settings.feature.openai", "OPENAI_API_KEY",
            "spotfunnel.required-settings.feature.gemini", "GEMINI_API_KEY",
            "OPENAI_API_KEY", "sk-set",
            "GEMINI_API_KEY", " ");

    private final List<String> refusals = new ArrayList<>();

    @Test
    void inProdEveryMissingSettingIsNamedInOneLine() {
        start("prod", PIPELINE_LIKE);
        assertEquals(
                List.of("Refusing to start: required settings KAFKA_BOOTSTRAP_SERVERS, DEEPGRAM_API_KEY, "
                        + "GEMINI_API_KEY are not set (see .env.example)"),
                refusals);
    }

    @Test
    void nothingIsRequiredOutsideProd() {
        start("test", PIPELINE_LIKE);
        assertEquals(List.of(), refusals);
    }

    @Test
    void nothingIsCheckedWhileTheApplicationIsBuilt() {
        build("prod", PIPELINE_LIKE, false);
        assertEquals(List.of(), refusals);
    }

    @Test
    void aCompleteConfigurationStarts() {
        Map<String, String> complete = new java.util.HashMap<>(PIPELINE_LIKE);
        complete.put("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
        complete.put("DEEPGRAM_API_KEY", "dg-key");
        complete.put("llm", "openai");
        start("prod", complete);
        assertEquals(List.of(), refusals);
    }

    private void start(String profile, Map<String, String> properties) {
        build(profile, properties, true);
    }

    private void build(String profile, Map<String, String> properties, boolean starting) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withProfile(profile)
                .addDefaultInterceptors()
                .withInterceptors(new RequiredSettingsInterceptor(() -> starting, refusals::add, new AtomicBoolean()))
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build();
        config.getOptionalValue("any.property", String.class);
    }
}
