package com.spotfunnel.voice.pipeline.config;

import com.spotfunnel.voice.support.startup.WarmUpSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The pipeline's business settings ({@code pipeline.*}). Provider endpoints and prices have their own mappings. */
@ConfigMapping(prefix = "pipeline")
public interface PipelineConfig {

    /** Provider order per stage for tenants that name none. */
    DefaultProviders defaultProviders();

    Conversation conversation();

    Analysis analysis();

    /** Knowledge-base retrieval from admin-api for each answer. */
    Knowledge knowledge();

    StressTest stressTest();

    /** The gateway's call sockets ({@code /calls/{callId}}). */
    Calls calls();

    /** How many conversations this instance carries before it refuses the next (issue 17, admission control). */
    Admission admission();

    /** What the agent knows of a returning caller (schema {@code pipeline}, shared by every pod). */
    CallerHistory callerHistory();

    /** Synthetic calls through the call path at start, before readiness (warmup/WarmUp, ops/WarmUp). */
    WarmUpSettings warmUp();

    interface CallerHistory {
        /** Platform default; a tenant's own {@code agent.callerHistory} wins. */
        @WithDefault("true")
        boolean enabled();

        /**
         * How long after the call starts the history may take to arrive; past it the conversation goes on without
         * (it never delays the greeting, which is spoken at once).
         */
        @WithDefault("150ms")
        Duration budget();

        /** The most recent calls the agent is told about. */
        @WithDefault("5")
        int maxCalls();

        /** Days a remembered call is kept when the tenant sets no retention of its own. */
        @WithDefault("90")
        int defaultRetentionDays();

        /** How often expired calls (and those of tenants that turned history off) are deleted. */
        @WithDefault("1h")
        Duration purgeInterval();
    }

    interface Admission {
        /**
         * Live conversations this instance carries; the next call socket's upgrade is answered 503 (the gateway then
         * tells the caller all lines are busy, and refuses new calls at its webhook for a moment). 0: no limit.
         */
        @WithDefault("0")
        int maxLiveConversations();

        /**
         * A socket admitted at its upgrade counts against the limit until its {@code CallStart} begins the
         * conversation (the gateway sends it at once); one whose start never comes stops counting after this long.
         */
        @WithDefault("10s")
        Duration pendingTimeout();
    }

    interface Calls {
        /**
         * The secret voice-gateway signs each call's socket token with ({@code CALL_TOKEN_SECRET}, 32+ bytes, the
         * same as the gateway's). Secret.
         */
        String tokenSecret();

        /**
         * How long a finished call's id is remembered after its token expired, so a second start for it is refused
         * even if a token for it turned up again. While the token is valid the id is always remembered.
         */
        @WithDefault("1h")
        Duration rememberFinished();
    }

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

        /** Said when a transfer rang out, was busy or failed and the caller is back with the agent (issue 14). */
        @WithDefault(
                "I'm sorry, nobody could take your call just now. I can take a message so they call you back: could you tell me your name, the best number to reach you, and what it's about?")
        String transferFailedLine();

        /**
         * Said instead of a transfer outside the tenant's business hours; {@code {opens}} becomes when the team is
         * back (for example "Monday at 9:00 AM").
         */
        @WithDefault(
                "Our team isn't available right now; they're back {opens}. I can take a message so they call you back then: could you tell me your name, the best number to reach you, and what it's about?")
        String afterHoursLine();

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

        /**
         * How long an answer waits, once the caller has finished, for the knowledge search started on their interim
         * words; past it the answer goes on without knowledge ({@code KNOWLEDGE_LOOKAHEAD_WAIT_MS}). The search had the
         * whole endpointing silence (600 ms) already, so a search still under way means admin-api is slow.
         */
        @WithDefault("30ms")
        Duration lookaheadWait();

        /**
         * The least time an early search is given from its start before an answer goes on without it
         * ({@code KNOWLEDGE_LOOKAHEAD_MIN_RUN_MS}): a search started on interim words that came just before the
         * end has not had the endpointing silence, and cutting it after {@link #lookaheadWait()} would drop the
         * tenant's facts while admin-api is healthy.
         */
        @WithDefault("250ms")
        Duration lookaheadMinRun();
    }

    interface Analysis {
        /** Envelope seq of the CallAnalyzed event; far above the gateway's so they never collide. */
        @WithDefault("1000000")
        long eventSeq();

        /** Give up on the LLM analysis after this long and publish the basic one. */
        @WithDefault("20s")
        Duration timeout();
    }

    /** The agent stress test ({@code POST /internal/stress-tests}). */
    interface StressTest {
        /** Provider order of the caller-persona LLM; empty = the platform's default LLM order. */
        Optional<List<String>> personaProviders();

        /** Provider order of the judge LLM; empty = the platform's default LLM order. */
        Optional<List<String>> judgeProviders();

        /** Conversations of one run that talk at the same time. */
        @WithDefault("5")
        int concurrency();

        /** The most conversations one run may ask for. */
        @WithDefault("100")
        int maxConversations();

        /** Caller utterances per conversation when the request names none. */
        @WithDefault("6")
        int defaultMaxTurns();

        /** The most caller utterances a request may ask for. */
        @WithDefault("20")
        int maxTurnsLimit();

        /** A conversation (with its judgement) that takes longer is recorded as failed. */
        @WithDefault("120s")
        Duration conversationTimeout();

        /** Runs are kept in schema {@code pipeline} this many days after they started, then deleted. */
        @WithDefault("30")
        int keepDays();

        /** The launch bar: a run passes when at least this percentage of its conversations pass. */
        @WithDefault("85")
        double launchBarPercent();

        /** The seed's time target for a whole run. */
        @WithDefault("120s")
        Duration targetDuration();

        /** A verdict passes only when the judge says pass and no score (1-5) is below this. */
        @WithDefault("3")
        int minScore();
    }
}
