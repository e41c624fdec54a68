package com.spotfunnel.voice.gateway.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The start-up warm-up on a real Vert.x: readiness waits for it, every hop carries frames, a timeout ends it. */
class WarmUpTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void readinessIsDownUntilTheSyntheticCallsHaveRelayedTheirAudioBothWays() {
        WarmUp warmUp = new WarmUp(vertx, 3, 200, Duration.ofSeconds(30));
        WarmUpReadiness readiness = new WarmUpReadiness(warmUp);

        warmUp.start();
        assertEquals(HealthCheckResponse.Status.DOWN, readiness.call().getStatus());

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(warmUp::finished);
        assertEquals(HealthCheckResponse.Status.UP, readiness.call().getStatus());
        assertTrue(warmUp.relayed() > 0, "caller audio reached the pipeline stand-in through the bridge");
        assertTrue(warmUp.agentFrames() > 0, "agent audio came back to the Twilio side");
        assertTrue(warmUp.relayed() <= 600);
    }

    @Test
    void aWarmUpThatDoesNotFinishInTimeStopsAndLetsReadinessUp() {
        WarmUp warmUp = new WarmUp(vertx, 1, Integer.MAX_VALUE, Duration.ofMillis(500));
        warmUp.start();
        assertFalse(warmUp.finished());

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(warmUp::finished);
        // it hangs up: once the frames already in flight have arrived, no more come (unbounded otherwise)
        long[] last = {-1};
        Awaitility.await()
                .pollInterval(Duration.ofMillis(400))
                .atMost(Duration.ofSeconds(10))
                .until(() -> {
                    long now = warmUp.relayed();
                    boolean still = now == last[0];
                    last[0] = now;
                    return still;
                });
        assertTrue(last[0] > 0);
    }

    @Test
    void noWarmUpMeansReadyAtOnce() {
        WarmUp warmUp = new WarmUp(vertx, 0, 1500, Duration.ofSeconds(60));
        warmUp.start();
        assertTrue(warmUp.finished());
    }
}
