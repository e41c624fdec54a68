package com.spotfunnel.voice.pipeline.warmup;

import com.spotfunnel.voice.pipeline.config.PipelineConfig;
import com.spotfunnel.voice.pipeline.stt.SttProvider;
import com.spotfunnel.voice.pipeline.tts.TtsProvider;
import com.spotfunnel.voice.support.startup.LoopbackWarmUp;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Warms the call path before this instance takes calls: a freshly started JVM interprets it, and 200 calls meeting a
 * cold pod waited seconds for their answers (docs/benchmarks/voice-load.md). At start, {@code pipeline.warm-up.calls}
 * synthetic calls run side by side over loopback sockets of this process ({@link WarmUpCall}); readiness
 * ({@link WarmUpReadiness}) stays DOWN until they are done or {@code pipeline.warm-up.timeout} passed.
 *
 * <p>They never open a conversation, read a tenant, publish to Kafka or touch a call meter.
 */
@ApplicationScoped
public class WarmUp {

    static final String LOOPBACK = LoopbackWarmUp.LOOPBACK;

    private final WarmUpCall.Counters counters = new WarmUpCall.Counters();
    private final LoopbackWarmUp warmUp;

    @Inject
    public WarmUp(
            Vertx vertx,
            com.spotfunnel.voice.pipeline.stt.SimulatedStt stt,
            com.spotfunnel.voice.pipeline.tts.SimulatedTts tts,
            PipelineConfig config) {
        this(
                vertx,
                stt,
                tts,
                config.warmUp().calls(),
                config.warmUp().framesPerCall(),
                config.warmUp().timeout());
    }

    WarmUp(Vertx vertx, SttProvider stt, TtsProvider tts, int calls, int framesPerCall, Duration timeout) {
        this.warmUp = new LoopbackWarmUp(
                vertx, framesPerCall <= 0 ? 0 : calls, Math.max(1, calls), timeout, new LoopbackWarmUp.Calls() {
                    @Override
                    public void serve(ServerWebSocket socket, WebSocketClient client, int serverPort) {
                        WarmUpCall.serve(socket, stt, tts, counters);
                    }

                    @Override
                    public Future<Void> call(WebSocketClient client, int serverPort, int index) {
                        return WarmUpCall.call(client, serverPort, framesPerCall, counters);
                    }

                    @Override
                    public void stop() {
                        counters.stop();
                    }

                    @Override
                    public String progress() {
                        return heard() + " caller frames heard, " + answers() + " utterances answered";
                    }
                });
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    /** Runs the warm-up in the background; {@link #finished()} turns true when it is over. */
    void start() {
        warmUp.start();
    }

    /** True once the warm-up is over (done, failed or timed out), or when there is none. */
    public boolean finished() {
        return warmUp.finished();
    }

    /** Synthetic caller frames the simulated recognizer heard so far. */
    public long heard() {
        return counters.callerFrames();
    }

    /** Synthetic utterances answered with agent audio so far. */
    long answers() {
        return counters.answers();
    }
}
