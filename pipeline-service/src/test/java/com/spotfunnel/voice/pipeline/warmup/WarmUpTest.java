package com.spotfunnel.voice.pipeline.warmup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spotfunnel.voice.pipeline.stt.SttListener;
import com.spotfunnel.voice.pipeline.stt.SttProvider;
import com.spotfunnel.voice.pipeline.stt.SttSession;
import com.spotfunnel.voice.pipeline.tts.TtsProvider;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The start-up warm-up on a real Vert.x: readiness waits for it, audio reaches the recognizer, a timeout ends it. */
class WarmUpTest {

    private final Vertx vertx = Vertx.vertx();
    private final AtomicInteger framesHeard = new AtomicInteger();

    /** Ends an utterance every 100 frames, like the simulated recognizer on the warm-up's audio. */
    private final SttProvider stt = new SttProvider() {
        @Override
        public String name() {
            return "counting";
        }

        @Override
        public String model() {
            return "counting";
        }

        @Override
        public Uni<SttSession> open(SttListener listener) {
            return Uni.createFrom().item(new SttSession() {
                @Override
                public void send(byte[] audio) {
                    if (framesHeard.incrementAndGet() % 100 == 0) {
                        listener.onUtterance("hello");
                    }
                }

                @Override
                public void close() {}
            });
        }
    };

    private final TtsProvider tts = new TtsProvider() {
        @Override
        public String name() {
            return "fixed";
        }

        @Override
        public String model() {
            return "fixed";
        }

        @Override
        public Uni<Multi<byte[]>> synthesize(String text, String voice) {
            return Uni.createFrom().item(Multi.createFrom().items(new byte[1600], new byte[800]));
        }
    };

    @AfterEach
    void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void readinessIsDownUntilTheSyntheticCallsWereHeardAndAnswered() {
        WarmUp warmUp = new WarmUp(vertx, stt, tts, 2, 300, Duration.ofSeconds(30));
        WarmUpReadiness readiness = new WarmUpReadiness(warmUp);

        warmUp.start();
        assertEquals(HealthCheckResponse.Status.DOWN, readiness.call().getStatus());

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(warmUp::finished);
        assertEquals(HealthCheckResponse.Status.UP, readiness.call().getStatus());
        assertEquals(600, warmUp.heard());
        assertEquals(600, framesHeard.get());
        assertEquals(6, warmUp.answers());
    }

    @Test
    void aWarmUpThatDoesNotFinishInTimeStopsAndLetsReadinessUp() {
        WarmUp warmUp = new WarmUp(vertx, stt, tts, 1, Integer.MAX_VALUE, Duration.ofMillis(500));
        warmUp.start();
        assertFalse(warmUp.finished());

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(warmUp::finished);
        // it hangs up: once the frames already in flight have arrived, no more come (unbounded otherwise)
        long[] last = {-1};
        Awaitility.await()
                .pollInterval(Duration.ofMillis(400))
                .atMost(Duration.ofSeconds(10))
                .until(() -> {
                    long now = warmUp.heard();
                    boolean still = now == last[0];
                    last[0] = now;
                    return still;
                });
        assertTrue(last[0] > 0);
    }

    @Test
    void noWarmUpMeansReadyAtOnce() {
        WarmUp warmUp = new WarmUp(vertx, stt, tts, 0, 1500, Duration.ofSeconds(60));
        warmUp.start();
        assertTrue(warmUp.finished());
    }
}
