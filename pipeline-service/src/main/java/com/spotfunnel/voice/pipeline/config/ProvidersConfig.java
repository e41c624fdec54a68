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

    interface Deepgram {
        /** The live endpoint, {@code wss://api.deepgram.com/v1/listen}. */
        @WithDefault("wss://api.deepgram.com/v1/listen")
        String url();

        Optional<String> apiKey();

        @WithDefault("nova-3")
        String model();

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

        @WithDefault("gpt-4o-mini")
        String model();

        @WithDefault("300")
        int maxTokens();
    }

    interface Gemini {
        @WithDefault("https://generativelanguage.googleapis.com")
        String url();

        Optional<String> apiKey();

        @WithDefault("gemini-2.0-flash")
        String model();

        @WithDefault("300")
        int maxTokens();
    }

    interface Cartesia {
        @WithDefault("https://api.cartesia.ai")
        String url();

        Optional<String> apiKey();

        @WithDefault("2025-04-16")
        String version();

        @WithDefault("sonic-2")
        String model();

        /** The voice used when the tenant names none. */
        @WithDefault("a0e99841-438c-4a64-b679-ae501e7d6091")
        String voice();
    }

    interface ElevenLabs {
        @WithDefault("https://api.elevenlabs.io")
        String url();

        Optional<String> apiKey();

        @WithDefault("eleven_flash_v2_5")
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
        }

        interface Llm {
            @WithDefault("0ms")
            Duration latency();

            @WithDefault("0")
            double failureRate();
        }

        interface Tts {
            @WithDefault("0ms")
            Duration latency();

            @WithDefault("0")
            double failureRate();

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
