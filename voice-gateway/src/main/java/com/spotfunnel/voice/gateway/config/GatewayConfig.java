package com.spotfunnel.voice.gateway.config;

import com.spotfunnel.voice.support.startup.WarmUpSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The gateway's business settings ({@code gateway.*}). */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /**
     * The public https URL Twilio calls (scheme, host, non-default port), used to check webhook signatures
     * and to build the Media Stream's wss URL.
     */
    String publicBaseUrl();

    /**
     * Reverse proxies (IP addresses or CIDR ranges) whose {@code X-Forwarded-Proto/Host/Port} headers are believed
     * when the public URL is rebuilt for signature checks. Empty: forwarded headers are ignored.
     */
    Optional<List<String>> trustedProxies();

    /** Base URL of pipeline-service's bridge, e.g. {@code ws://pipeline-service:8081}; calls go to {@code /calls/{callId}}. */
    String pipelineUrl();

    /**
     * The secret the gateway signs each call's pipeline socket with ({@code CALL_TOKEN_SECRET}, at least 32 bytes,
     * the same in pipeline-service). Secret.
     */
    String callTokenSecret();

    /** How long a call's pipeline token is accepted after it is minted (the socket opens within the connect timeout). */
    @WithDefault("30s")
    Duration callTokenTtl();

    /** How long to wait for the pipeline socket to open before the call falls back. */
    @WithDefault("5s")
    Duration pipelineConnectTimeout();

    /**
     * How many call sockets to pipeline-service may be open at once (one per live call). Vert.x's default
     * is 50, which silently queued the 51st concurrent call until its connect timed out.
     */
    @WithDefault("2000")
    int pipelineMaxConnections();

    /**
     * Send the call sockets' frames to pipeline-service unmasked. Masking (RFC 6455 §5.3) protects a browser's
     * intermediaries, not a service-to-service hop; XOR-masking every caller frame was the largest single cost in
     * the gateway's CPU profile (docs/benchmarks/voice-load.md). pipeline-service accepts both; deploy it first.
     */
    @WithDefault("true")
    boolean pipelineUnmaskedFrames();

    /**
     * After a caller hang-up the gateway sends {@code CallerHangup} and keeps reading the pipeline socket for the
     * call's last transcript turn and costs; CallEnded is published when the pipeline closes the socket or after
     * this long, whichever comes first.
     */
    @WithDefault("2s")
    Duration pipelineDrainTimeout();

    /** Optional JSON file with a list of tenant configs loaded into the registry at boot (local stack). */
    Optional<String> tenantsFile();

    Twilio twilio();

    Media media();

    Fallback fallback();

    Transfer transfer();

    Admission admission();

    /** Synthetic calls through the call path at start, before readiness (warmup/WarmUp, ops/WarmUp). */
    WarmUpSettings warmUp();

    /**
     * After Quarkus' graceful shutdown ({@code quarkus.shutdown.timeout}, during which live calls go on and new
     * requests get 503), how much longer to wait for sessions still ending (their CallEnded published).
     */
    @WithDefault("5s")
    Duration drainGrace();

    /**
     * How often to ask Kafka again for {@code tenant-config}'s end offsets at start when it does not answer (readiness
     * waits until this instance has read the topic that far).
     */
    @WithDefault("2s")
    Duration tenantConfigRetry();

    /** How long an ended call's sequence counter is kept for late callbacks (transfer outcome). */
    @WithDefault("30m")
    Duration endedCallRetention();

    interface Twilio {
        /** Account SID ({@code AC…}) for REST calls. */
        String accountSid();

        /** Auth token: signs webhooks and authenticates REST calls. Secret. */
        String authToken();

        /** Overrides {@code https://api.twilio.com} (tests, a local fake). */
        Optional<String> apiBaseUrl();

        @WithDefault("2s")
        Duration connectTimeout();

        @WithDefault("5s")
        Duration readTimeout();
    }

    interface Media {
        /** Text frames larger than this are rejected (counted, logged, dropped). */
        @WithDefault("65536")
        int maxFrameBytes();

        /**
         * How long after the webhook's answer Twilio may start the stream with the signed parameters it was given
         * (Twilio starts it at once; an older start is refused).
         */
        @WithDefault("5m")
        Duration streamTokenTtl();

        /** Caller audio frames kept while the pipeline socket is still opening. */
        @WithDefault("250")
        int maxBufferedFrames();
    }

    /** Transfers the caller asks for (issue 14): how long the gateway waits for their outcome. */
    interface Transfer {
        /**
         * After the ring time (the tenant's, else {@code gateway.fallback.dial-timeout-seconds}) how much longer to
         * wait for Twilio to say whether the person answered before the call is recorded as transferred anyway.
         */
        @WithDefault("15s")
        Duration outcomeGrace();

        /** After a transfer that did not connect, how long the new Media Stream may take to start. */
        @WithDefault("10s")
        Duration returnTimeout();

        /**
         * Said before hanging up when a transfer's outcome reaches an instance that can bring the caller back to no
         * agent (the dialled number belongs to no active tenant any more).
         */
        @WithDefault(
                "I'm sorry, nobody could take your call right now, and I could not take you back to the assistant. Please call again later.")
        String unreachableMessage();

        /** Longest whisper the person answering a warm transfer hears, in characters. */
        @WithDefault("300")
        int maxWhisperChars();
    }

    interface Fallback {
        @WithDefault(
                "I apologize, but I'm experiencing technical difficulties right now. Let me transfer you to someone who can help you immediately.")
        String llmMessage();

        @WithDefault(
                "I'm sorry, I'm having trouble with my voice system. Please hold while I transfer you to a representative.")
        String ttsMessage();

        @WithDefault("I'm having trouble hearing you clearly. Let me connect you with someone who can help.")
        String sttMessage();

        @WithDefault("I apologize, but something went wrong. Let me transfer you to someone who can assist you.")
        String otherMessage();

        /** Spoken to callers of a number no tenant owns. */
        @WithDefault("Sorry, this number is not in service. Goodbye.")
        String unknownNumberMessage();

        /** Seconds a fallback transfer rings before giving up. */
        @WithDefault("30")
        int dialTimeoutSeconds();
    }

    /**
     * Admission control: how many live calls this instance takes before it refuses new ones, and how. Live calls
     * are untouched by a refusal; the k8s autoscaler scales on live calls per pod below the same limit.
     */
    interface Admission {
        /** Live calls (Media Streams) this instance carries; the next incoming call is refused. 0: no limit. */
        @WithDefault("0")
        int maxLiveCalls();

        /** How a call past the limit is refused. */
        @WithDefault("message")
        Refusal refusal();

        /** Spoken before hanging up when {@link #refusal()} is {@code message}. */
        @WithDefault("Sorry, all our lines are busy right now. Please call again shortly. Goodbye.")
        String busyMessage();

        /**
         * An admitted call counts against the limit from its webhook until its Media Stream starts; one whose stream
         * has not started after this long (Twilio opens it within a second or two) stops counting.
         */
        @WithDefault("10s")
        Duration pendingTimeout();

        /**
         * The load signal beside the count: while the event loops run this late ({@code gateway_event_loop_lag_seconds},
         * see {@code ops/EventLoopLag}) a new call is refused as past the limit, so calls already slow are not made
         * slower. 0: the lag never refuses a call (it is still measured and exported).
         */
        @WithDefault("0s")
        Duration maxEventLoopLag();

        /** How often each event loop's probe tick fires (its lateness is one sample). 0: not measured at all. */
        @WithDefault("100ms")
        Duration lagProbeInterval();

        /** The samples the lag is taken over: the last this long (the signal clears this long after the load). */
        @WithDefault("5s")
        Duration lagWindow();

        /**
         * After pipeline-service refused a conversation (its live-conversation limit, HTTP 503 on the socket's
         * upgrade) new calls are refused at the webhook for this long, before any caller is answered with a stream
         * that would only end in the busy message. 0: only the refused call itself hears it.
         */
        @WithDefault("2s")
        Duration pipelineBusyHold();

        enum Refusal {
            /** TwiML {@code <Say>} the busy message, then {@code <Hangup/>}: the caller hears why. */
            MESSAGE,
            /** HTTP 503: Twilio requests the number's Voice Fallback URL (another region, voicemail, a queue). */
            FALLBACK
        }
    }
}
