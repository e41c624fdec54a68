package com.spotfunnel.voice.events.providers;

import com.spotfunnel.voice.events.payload.Stage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every AI provider the pipeline can run, in one place: per stage each provider's name, the setting that holds
 * its key, its default model, and the models it serves today with their list prices (US dollars per unit) and the
 * day they were checked. The pipeline's provider beans, required settings and price table, and admin-api's list of
 * providers an agent may name, all come from here (docs/pipeline.md "Provider catalog").
 * <p>
 * Units: STT per audio second, LLM per prompt / completion token (a thinking model's thinking tokens are billed as
 * completion tokens), TTS per character. Prices are pay-as-you-go list prices; an operator with a negotiated rate
 * overrides them ({@code pipeline.prices.*}). Check again before relying on a date older than a few months:
 * providers retire models on a schedule.
 */
public final class ProviderCatalog {

    /** When the models and prices below were last checked against the providers' own pages. */
    public static final LocalDate CHECKED = LocalDate.of(2026, 12, 4);

    /** A model a provider serves and what it costs. {@code completionPerUnit} is null outside the LLM stage. */
    public record Model(String name, BigDecimal perUnit, BigDecimal completionPerUnit, LocalDate checked, String note) {

        /** The unit price of {@code unit} ({@code prompt_tokens} / {@code completion_tokens} for LLMs). */
        public BigDecimal price(String unit) {
            return "completion_tokens".equals(unit) && completionPerUnit != null ? completionPerUnit : perUnit;
        }
    }

    /** A provider of one stage: {@code apiKeySetting} is the environment variable of its key (null: none). */
    public record Provider(
            Stage stage, String name, String apiKeySetting, String defaultModel, String source, List<Model> models) {

        public Optional<Model> model(String name) {
            return models.stream().filter(m -> m.name().equals(name)).findFirst();
        }

        public Set<String> modelNames() {
            return models.stream().map(Model::name).collect(Collectors.toUnmodifiableSet());
        }
    }

    public static final String SIMULATED = "simulated";

    private static final List<Provider> PROVIDERS = List.of(
            new Provider(
                    Stage.STT,
                    "deepgram",
                    "DEEPGRAM_API_KEY",
                    "nova-3",
                    "deepgram.com/pricing (pay as you go, streaming)",
                    List.of(
                            perSecond("nova-3", "0.0048", "$0.0048 per streamed minute"),
                            perSecond("nova-3-multilingual", "0.0058", "$0.0058 per streamed minute"))),
            simulated(Stage.STT),
            new Provider(
                    Stage.LLM,
                    "openai",
                    "OPENAI_API_KEY",
                    "gpt-6-luna",
                    "developers.openai.com/api/docs/pricing, /deprecations",
                    List.of(
                            perMillionTokens(
                                    "gpt-6-luna", "0.10", "0.50", "reasons by default; reasoning tokens are output"),
                            perMillionTokens(
                                    "gpt-4o-mini",
                                    "0.15",
                                    "0.60",
                                    "deprecated: shuts down 2027-01-14, replacement gpt-6-luna"))),
            new Provider(
                    Stage.LLM,
                    "gemini",
                    "GEMINI_API_KEY",
                    "gemini-3.5-flash-lite",
                    "ai.google.dev/gemini-api/docs/pricing, /deprecations",
                    List.of(
                            perMillionTokens(
                                    "gemini-3.5-flash-lite",
                                    "0.30",
                                    "2.50",
                                    "stable; output price includes thinking tokens (thoughtsTokenCount)"),
                            perMillionTokens(
                                    "gemini-3.5-flash", "1.50", "9.00", "stable; thinks unless the budget is 0"))),
            simulated(Stage.LLM),
            new Provider(
                    Stage.TTS,
                    "cartesia",
                    "CARTESIA_API_KEY",
                    "sonic-3",
                    "docs.cartesia.ai/pricing (about 1 credit per character; dollars per credit depend on the plan)",
                    List.of(perCharacter("sonic-3", "0.00003", "≈ 1 credit per character at ~$0.03 per 1K credits"))),
            new Provider(
                    Stage.TTS,
                    "elevenlabs",
                    "ELEVENLABS_API_KEY",
                    "eleven_flash_v2_5",
                    "elevenlabs.io/pricing/api",
                    List.of(perCharacter("eleven_flash_v2_5", "0.00005", "$0.05 per 1K characters"))),
            simulated(Stage.TTS));

    private ProviderCatalog() {}

    public static List<Provider> all() {
        return PROVIDERS;
    }

    public static List<Provider> of(Stage stage) {
        return PROVIDERS.stream().filter(p -> p.stage() == stage).toList();
    }

    /** The names an agent may put in its provider order for {@code stage}. */
    public static Set<String> names(Stage stage) {
        return of(stage).stream().map(Provider::name).collect(Collectors.toUnmodifiableSet());
    }

    public static Optional<Provider> find(Stage stage, String name) {
        return of(stage).stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * Each provider's key setting (e.g. {@code openai} → {@code OPENAI_API_KEY}), for the required-settings check:
     * a service refuses to start without the key of a provider it is configured to use. Keyless providers are absent.
     */
    public static Map<String, String> apiKeySettings() {
        Map<String, String> keys = new LinkedHashMap<>();
        for (Provider provider : PROVIDERS) {
            if (provider.apiKeySetting() != null) {
                keys.put(provider.name(), provider.apiKeySetting());
            }
        }
        return Map.copyOf(keys);
    }

    /** The catalog's price of one unit, or empty when the provider or the model is not in it. */
    public static Optional<BigDecimal> price(Stage stage, String provider, String model, String unit) {
        return find(stage, provider)
                .flatMap(p -> SIMULATED.equals(p.name()) ? p.models().stream().findFirst() : p.model(model))
                .map(m -> m.price(unit));
    }

    private static Provider simulated(Stage stage) {
        return new Provider(
                stage,
                SIMULATED,
                null,
                SIMULATED,
                "local stand-in, free",
                List.of(new Model(
                        SIMULATED, BigDecimal.ZERO, stage == Stage.LLM ? BigDecimal.ZERO : null, CHECKED, "free")));
    }

    private static Model perSecond(String name, String perMinute, String note) {
        return new Model(
                name,
                new BigDecimal(perMinute)
                        .divide(BigDecimal.valueOf(60), 10, java.math.RoundingMode.HALF_UP)
                        .stripTrailingZeros(),
                null,
                CHECKED,
                note);
    }

    private static Model perMillionTokens(String name, String prompt, String completion, String note) {
        return new Model(name, perMillion(prompt), perMillion(completion), CHECKED, note);
    }

    private static Model perCharacter(String name, String perCharacter, String note) {
        return new Model(name, new BigDecimal(perCharacter), null, CHECKED, note);
    }

    private static BigDecimal perMillion(String dollars) {
        return new BigDecimal(dollars).movePointLeft(6);
    }
}
