package com.spotfunnel.voice.pipeline.conversation;

import com.spotfunnel.voice.events.bridge.GatewayMessage;
import com.spotfunnel.voice.events.bridge.PipelineMessage;
import com.spotfunnel.voice.events.payload.FailureKind;
import com.spotfunnel.voice.events.payload.ProviderFailed;
import com.spotfunnel.voice.events.payload.Speaker;
import com.spotfunnel.voice.events.payload.Stage;
import com.spotfunnel.voice.events.payload.TranscriptTurn;
import com.spotfunnel.voice.pipeline.analysis.FinishedCall;
import com.spotfunnel.voice.pipeline.analysis.FinishedCalls;
import com.spotfunnel.voice.pipeline.config.PipelineConfig;
import com.spotfunnel.voice.pipeline.cost.PriceConfig;
import com.spotfunnel.voice.pipeline.cost.PriceTable;
import com.spotfunnel.voice.pipeline.llm.LlmRequest;
import com.spotfunnel.voice.pipeline.llm.LlmStage;
import com.spotfunnel.voice.pipeline.provider.ProviderAvailability;
import com.spotfunnel.voice.pipeline.provider.ProviderException;
import com.spotfunnel.voice.pipeline.provider.ProviderMetrics;
import com.spotfunnel.voice.pipeline.provider.StageFailedException;
import com.spotfunnel.voice.pipeline.provider.StageListener;
import com.spotfunnel.voice.pipeline.stt.SttChain;
import com.spotfunnel.voice.pipeline.stt.SttListener;
import com.spotfunnel.voice.pipeline.stt.SttProvider;
import com.spotfunnel.voice.pipeline.stt.SttSession;
import com.spotfunnel.voice.pipeline.stt.SttStage;
import com.spotfunnel.voice.pipeline.tts.TtsStage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.MultiEmitter;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One {@link Conversation} with a fake of each stage, a virtual clock and the socket as a list, all on the test's
 * thread. The agent is the real {@link TenantAgent} with the default settings (greeting, farewell, phrases). The LLM
 * answers only when the test says; TTS speaks each sentence at once unless told to hold or fail.
 */
final class ConversationRig {

    static final String CALL_ID = "call-1";
    static final int AUDIO_PER_SENTENCE = 400;
    /** The real settings with their defaults ("20s" read as Quarkus reads it), without booting Quarkus. */
    static final PipelineConfig CONFIG = new SmallRyeConfigBuilder()
            .withMapping(PipelineConfig.class)
            .withConverter(Duration.class, 200, new DurationConverter())
            .withSources(new PropertiesConfigSource(
                    Map.of(
                            "pipeline.default-providers.stt",
                            "stt-a,stt-b",
                            "pipeline.default-providers.llm",
                            "llm-a",
                            "pipeline.default-providers.tts",
                            "tts-a",
                            "pipeline.calls.token-secret",
                            "rig-call-token-secret-00000000000000000"),
                    "conversation-rig",
                    100))
            .build()
            .getConfigMapping(PipelineConfig.class);

    final AtomicLong nanos = new AtomicLong(5_000_000_000L);
    final List<PipelineMessage> sent = new ArrayList<>();
    final Stt stt = new Stt();
    final Llm llm = new Llm();
    final Tts tts = new Tts();
    final Analysis analysis = new Analysis();
    final Metrics metrics = new Metrics();
    final List<String> searches = new ArrayList<>();
    Conversation conversation;
    /** The tenant's agent settings (null = none: defaults, always open). */
    com.spotfunnel.voice.events.tenant.AgentConfig agentConfig;
    /** The wall clock business hours are read against. */
    java.time.Clock clock =
            java.time.Clock.fixed(java.time.Instant.parse("2026-12-07T10:00:00Z"), java.time.ZoneOffset.UTC);

    ConversationRig start() {
        TenantAgent agent = new TenantAgent(
                agentConfig,
                null,
                words -> {
                    searches.add(words);
                    return Uni.createFrom().item(List.of("We open at nine."));
                },
                Uni.createFrom().item(Optional.empty()),
                CONFIG);
        ConversationDeps deps =
                new ConversationDeps(stt, llm, tts, new PriceTable(new Prices()), analysis, metrics, nanos::get, clock);
        conversation = new Conversation(
                new GatewayMessage.CallStart(CALL_ID, "tenant-1", "CA1", "MZ1", "+61400000001", "+61200000002"),
                agent,
                deps,
                sent::add);
        metrics.callStarted();
        conversation.start();
        return this;
    }

    void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }

    // ---- the caller ----

    void callerSays(String words) {
        conversation.onSpeechStarted();
        conversation.onAudio(new byte[800]);
        conversation.onUtterance(words);
    }

    /** The gateway reports each finished utterance as played. */
    void hearAll() {
        for (PipelineMessage.AgentAudio audio : of(PipelineMessage.AgentAudio.class)) {
            if (audio.last()) {
                conversation.onPlayed(audio.utteranceId());
            }
        }
    }

    // ---- reaching each phase the way a call does ----

    ConversationRig driveTo(String phase) {
        switch (phase) {
            case "Speaking(greeting)" -> {}
            case "Listening" -> hearAll();
            case "Speaking(answer)" -> {
                hearAll();
                callerSays("When do you open?");
                llm.says("We open at nine. ");
            }
            case "Speaking(answer done, unheard)" -> {
                driveTo("Speaking(answer)");
                llm.completes();
            }
            case "Concluding(goodbye)" -> {
                hearAll();
                tts.hold = true;
                callerSays("Thanks, goodbye");
            }
            case "Concluding(transfer)" -> {
                hearAll();
                tts.hold = true;
                callerSays("Can I talk to a real person");
            }
            case "Concluding(farewell heard)" -> {
                hearAll();
                callerSays("Thanks, goodbye");
                hearAll();
            }
            case "Failed(LLM)" -> {
                hearAll();
                callerSays("When do you open?");
                llm.fails();
            }
            case "Failed(STT)" -> stt.session.breaks(true);
            case "Closed" -> conversation.close();
            default -> throw new IllegalArgumentException(phase);
        }
        return this;
    }

    static List<String> phases() {
        return List.of(
                "Speaking(greeting)",
                "Listening",
                "Speaking(answer)",
                "Speaking(answer done, unheard)",
                "Concluding(goodbye)",
                "Concluding(transfer)",
                "Concluding(farewell heard)",
                "Failed(LLM)",
                "Failed(STT)",
                "Closed");
    }

    // ---- what went out ----

    <T extends PipelineMessage> List<T> of(Class<T> type) {
        return sent.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<TranscriptTurn> turns(Speaker speaker) {
        return of(PipelineMessage.Transcript.class).stream()
                .map(PipelineMessage.Transcript::turn)
                .filter(t -> t.speaker() == speaker)
                .toList();
    }

    List<String> kinds() {
        return sent.stream().map(m -> m.getClass().getSimpleName()).toList();
    }

    // ---- fakes ----

    static final class Prices implements PriceConfig {
        @Override
        public Map<String, BigDecimal> sttPerSecond() {
            return Map.of("stt-a", new BigDecimal("0.0001"), "stt-b", new BigDecimal("0.0002"));
        }

        @Override
        public Map<String, LlmPrice> llm() {
            return Map.of();
        }

        @Override
        public Map<String, BigDecimal> ttsPerCharacter() {
            return Map.of("tts-a", new BigDecimal("0.00003"));
        }
    }

    /** A recognizer of the rig: opens unless the stage marked it broken; held opens wait for {@code release}. */
    record Provider(String name, Stt stage) implements SttProvider {
        @Override
        public String model() {
            return name + "-model";
        }

        @Override
        public Uni<SttSession> open(SttListener listener) {
            return Uni.createFrom().emitter(emitter -> {
                Runnable open = () -> {
                    if (stage.broken.contains(name)) {
                        emitter.fail(new ProviderException("connect", "refused"));
                        return;
                    }
                    stage.opened.add(name);
                    stage.session = new Recognizer(name, listener, stage);
                    emitter.complete(stage.session);
                };
                if (stage.hold) {
                    stage.held = open;
                } else {
                    open.run();
                }
            });
        }
    }

    static final class Recognizer implements SttSession {
        final String provider;
        final SttListener listener;
        long audioBytes;
        boolean closed;
        private final Stt stage;

        Recognizer(String provider, SttListener listener, Stt stage) {
            this.provider = provider;
            this.listener = listener;
            this.stage = stage;
        }

        @Override
        public void send(byte[] audio) {
            audioBytes += audio.length;
        }

        @Override
        public void close() {
            closed = true;
        }

        /** The recognizer's stream breaks; with {@code everyProvider} no other provider will open either. */
        void breaks(boolean everyProvider) {
            if (everyProvider) {
                stage.broken.addAll(List.of("stt-a", "stt-b"));
            }
            listener.onSessionFailed(new IllegalStateException("stream reset"));
        }
    }

    /**
     * The real STT stage (the fallback engine) over the rig's recognizers stt-a and stt-b, all on the test's thread;
     * no background probe runs within a test.
     */
    static final class Stt implements SttStage {
        final Set<String> broken = new HashSet<>();
        final List<String> opened = new ArrayList<>();
        boolean hold;
        private Runnable held;
        Recognizer session;
        private final SttChain chain = new SttChain(
                List.of(new Provider("stt-a", this), new Provider("stt-b", this)),
                new ProviderMetrics(new SimpleMeterRegistry()),
                new ProviderAvailability(new SimpleMeterRegistry(), Duration.ofHours(1), Duration.ofHours(1)));

        @Override
        public SttStage.Session open(List<String> order, SttListener listener, StageListener stage) {
            return chain.open(order, listener, stage);
        }

        void release() {
            Runnable open = held;
            held = null;
            open.run();
        }
    }

    /** Each answer is written when the test says. */
    static final class Llm implements LlmStage {
        final List<LlmRequest> requests = new ArrayList<>();
        final List<Boolean> cancelled = new ArrayList<>();
        private MultiEmitter<? super String> answer;
        private StageListener listener;

        @Override
        public Multi<String> stream(List<String> order, LlmRequest request, StageListener listener) {
            requests.add(request);
            this.listener = listener;
            int index = cancelled.size();
            cancelled.add(false);
            return Multi.createFrom().emitter(emitter -> {
                answer = emitter;
                emitter.onTermination(() -> {});
                emitter.onCancellation(() -> cancelled.set(index, true));
            });
        }

        void says(String text) {
            answer.emit(text);
        }

        void completes() {
            listener.used(Stage.LLM, "llm-a", "model-a", 100, "prompt_tokens");
            answer.complete();
        }

        /** A provider fails and the next one takes over: reported, not a failure of the call. */
        void failsOver() {
            listener.providerFailed(new ProviderFailed(Stage.LLM, "llm-a", "http_5xx", "503", "llm-b"));
        }

        void fails() {
            listener.providerFailed(new ProviderFailed(Stage.LLM, "llm-a", "timeout", "slow", null));
            answer.fail(new StageFailedException(FailureKind.LLM, "every LLM provider failed", null));
        }
    }

    /** Speaks each sentence at once (one chunk), unless told to hold it or to fail sentences containing a word. */
    static final class Tts implements TtsStage {
        final List<String> spoken = new ArrayList<>();
        boolean hold;
        String failOn;
        private final List<MultiEmitter<? super byte[]>> held = new ArrayList<>();

        @Override
        public Multi<byte[]> speak(List<String> order, String sentence, String voice, StageListener listener) {
            return Multi.createFrom().emitter(emitter -> {
                if (failOn != null && sentence.contains(failOn)) {
                    listener.providerFailed(new ProviderFailed(Stage.TTS, "tts-a", "timeout", "slow", null));
                    emitter.fail(new StageFailedException(FailureKind.TTS, "every TTS provider failed", null));
                    return;
                }
                spoken.add(sentence);
                listener.used(Stage.TTS, "tts-a", "tts-model", sentence.length(), "characters");
                if (hold) {
                    held.add(emitter);
                    return;
                }
                emitter.emit(new byte[AUDIO_PER_SENTENCE]);
                emitter.complete();
            });
        }

        /** Finishes the oldest held sentence. */
        void release() {
            MultiEmitter<? super byte[]> emitter = held.remove(0);
            emitter.emit(new byte[AUDIO_PER_SENTENCE]);
            emitter.complete();
        }

        void releaseAll() {
            hold = false;
            while (!held.isEmpty()) {
                release();
            }
        }
    }

    static final class Analysis implements FinishedCalls {
        final List<FinishedCall> calls = new ArrayList<>();

        @Override
        public Uni<Void> publish(FinishedCall call) {
            calls.add(call);
            return Uni.createFrom().voidItem();
        }
    }

    static final class Metrics implements ConversationMetrics {
        int active;
        int bargeIns;
        int providerFailures;
        final List<Duration> turnLatencies = new ArrayList<>();
        final List<Boolean> lookaheads = new ArrayList<>();
        int lookaheadsLate;
        final List<String> illegalMoves = new ArrayList<>();

        @Override
        public void callStarted() {
            active++;
        }

        @Override
        public void callEnded() {
            active--;
        }

        @Override
        public int activeCalls() {
            return active;
        }

        @Override
        public void turnLatency(Duration latency) {
            turnLatencies.add(latency);
        }

        @Override
        public void bargeIn() {
            bargeIns++;
        }

        @Override
        public void providerFailure() {
            providerFailures++;
        }

        @Override
        public void lookaheadLate() {
            lookaheadsLate++;
        }

        @Override
        public void lookahead(boolean used) {
            lookaheads.add(used);
        }

        @Override
        public void illegalPhaseMove(String from, String to) {
            illegalMoves.add(from + "->" + to);
        }
    }
}
