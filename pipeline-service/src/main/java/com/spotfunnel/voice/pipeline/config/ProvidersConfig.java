package com.spotfunnel.voice.pipeline.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Where each AI provider lives and how we call it ({@code pipeline.providers.*}). Keys come from the environment. */
@ConfigMapping(prefix = "pipeline.providers")
public interface ProvidersConfig {

    Deepgram deepgram();

    OpenAi openai();

    Gemini gemini();

    Cartesia cartesia();

    ElevenLabs elevenlabs();

    Simulated simulated();

    /** Failover on silence: the longest gap allowed between two items of a stream once it has started. */
    Stall stall();

    /** How an unavailable provider (one that failed) is found working again: a probe in the background. */
    Recovery recovery();

    interface Recovery {
        /** Between two probes of an unavailable provider. */
        @WithDefault("5s")
        Duration interval();

        /** A probe that has not answered by then counts as failed. */
        @WithDefault("10s")
        Duration probeTimeout();
    }

    interface Stall {
        /** Between two LLM tokens (chunks). */
        @WithDefault("2s")
        Duration llm();

        /** Between two audio chunks of one TTS sentence. */
        @WithDefault("1s")
        Duration tts();
    }

    interface Deepgram {
        /** The live endpoint, {@code wss://api.deepgram.com/v1/listen}. */
        @WithDefault("wss://api.deepgram.com/v1/listen")
        String url();

        Optional<String> apiKey();

        /** Default: the catalog's ({@code provider-catalog.deepgram.model}). */
        String model();

        /** After CloseStream, how long to wait for Deepgram's last results and Metadata before closing. */
        @WithDefault("2s")
        Duration closeTimeout();

        @WithDefault("300")
        int endpointingMs();

        @WithDefault("1000")
        int utteranceEndMs();

        @WithDefault("5s")
        Duration keepAlive();
    }

    interface OpenAi {
        @WithDefault("https://api.openai.com")
        String url();

        Optional<String> apiKey();

        /** Default: the catalog's ({@code provider-catalog.openai.model}). */
        String model();

        /** Sent as {@code max_completion_tokens} (output plus reasoning tokens; {@code max_tokens} is deprecated). */
        @WithDefault("300")
        int maxTokens();

        /** {@code reasoning_effort} for reasoning models (e.g. {@code minimal}, {@code low}); not sent when unset. */
        Optional<String> reasoningEffort();
    }

    interface Gemini {
        @WithDefault("https://generativelanguage.googleapis.com")
        String url();

        Optional<String> apiKey();

        /** Default: the catalog's ({@code provider-catalog.gemini.model}). */
        String model();

        /** {@code maxOutputTokens}; thinking tokens count against it. */
        @WithDefault("300")
        int maxTokens();

        /**
         * {@code generationConfig.thinkingConfig.thinkingBudget}: 0 turns thinking off (a caller waits for every
         * thought), a positive number caps it; thinking tokens are billed as output and priced as completion tokens.
         */
        @WithDefault("0")
        int thinkingBudget();
    }

    interface Cartesia {
        @WithDefault("https://api.cartesia.ai")
        String url();

        Optional<String> apiKey();

        @WithDefault("2025-04-16")
        String version();

        /** Default: the catalog's ({@code provider-catalog.cartesia.model}). */
        String model();

        /** The voice used when the tenant names none. */
        @WithDefault("a0e99841-438c-4a64-b679-ae501e7d6091")
        String voice();
    }

    interface ElevenLabs {
        @WithDefault("https://api.elevenlabs.io")
        String url();

        Optional<String> apiKey();

        /** Default: the catalog's ({@code provider-catalog.elevenlabs.model}). */
        String model();

        @WithDefault("21m00Tcm4TlvDq8ikWAM")
        String voice();
    }

    /** The {@code simulated} providers: local stack, load tests, fault drills. Never the production default. */
    interface Simulated {
        Stt stt();

        Llm llm();

        Tts tts();

        interface Stt {
            /** Silence that ends an utterance. */
            @WithDefault("600ms")
            Duration silence();

            /** Mean absolute 16-bit sample value above which a 20 ms frame counts as speech. */
            @WithDefault("500")
            int energyThreshold();

            /** What the simulated caller "said", used in turn. */
            @WithDefault(
                    "Hi there what are your opening hours?,Can I book an appointment for tomorrow?,Thanks that's all goodbye")
            List<String> script();

            @WithDefault("0ms")
            Duration latency();

            @WithDefault("0")
            double failureRate();

            /**
             * A real provider of this stage (from the catalog) whose configured model's list price the simulated usage
             * is priced at, so the local stack and load runs show what a real call would cost; unset: free.
             */
            Optional<String> pricedAs();
        }

        interface Llm {
            @WithDefault("0ms")
            Duration latency();

            @WithDefault("0")
            double failureRate();

            /**
             * A real provider of this stage (from the catalog) whose configured model's list price the simulated usage
             * is priced at, so the local stack and load runs show what a real call would cost; unset: free.
             */
            Optional<String> pricedAs();
        }

        interface Tts {
            @WithDefault("0ms")
            Duration latency();

            @WithDefault("0")
            double failureRate();

            /**
             * A real provider of this stage (from the catalog) whose configured model's list price the simulated usage
             * is priced at, so the local stack and load runs show what a real call would cost; unset: free.
             */
            Optional<String> pricedAs();

            /** Audio per character of text (8 000 bytes = 1 s). */
            @WithDefault("480")
            int bytesPerCharacter();

            /**
             * Audio per streamed chunk. Real providers stream over HTTP in chunks of kilobytes, not in 20 ms
             * frames; 1 600 bytes (200 ms) keeps the local stack and load runs from sending ten times the
             * messages production does.
             */
            @WithDefault("1600")
            int chunkBytes();
        }
    }
}
