package com.spotfunnel.voice.pipeline.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** The pipeline's business settings ({@code pipeline.*}). Provider endpoints and prices have their own mappings. */
@ConfigMapping(prefix = "pipeline")
public interface PipelineConfig {

    /** Provider order per stage for tenants that name none. */
    DefaultProviders defaultProviders();

    Conversation conversation();

    Analysis analysis();

    /** Knowledge-base retrieval from admin-api for each answer. */
    Knowledge knowledge();

    interface DefaultProviders {
        List<String> stt();

        List<String> llm();

        List<String> tts();
    }

    interface Conversation {
        /** Used when the tenant is unknown to this instance or has no prompt. */
        @WithDefault("You are a friendly, concise phone receptionist. Answer in one or two short sentences.")
        String defaultSystemPrompt();

        @WithDefault("Hello, thanks for calling. How can I help you today?")
        String defaultGreeting();

        @WithDefault("Thanks for calling. Goodbye!")
        String farewell();

        @WithDefault("Of course. Let me connect you with someone now.")
        String transferAnnouncement();

        /** Lower-case phrases that end the call when the caller says them. */
        @WithDefault("goodbye,bye bye,that's all,that is all,hang up")
        List<String> goodbyePhrases();

        /** Lower-case phrases that transfer the call to a person. */
        @WithDefault("human,real person,representative,operator,speak to someone,talk to someone,transfer me")
        List<String> transferPhrases();

        /** How many earlier turns go to the LLM with each request. */
        @WithDefault("20")
        int historyTurns();
    }

    interface Knowledge {
        /** Ask admin-api for passages before each answer; off = answer without knowledge ({@code KNOWLEDGE_ENABLED}). */
        @WithDefault("true")
        boolean enabled();

        /** Passages given to the LLM per answer. */
        @WithDefault("3")
        int maxPassages();
    }

    interface Analysis {
        /** Envelope seq of the CallAnalyzed event; far above the gateway's so they never collide. */
        @WithDefault("1000000")
        long eventSeq();

        /** Give up on the LLM analysis after this long and publish the basic one. */
        @WithDefault("20s")
        Duration timeout();
    }
}
