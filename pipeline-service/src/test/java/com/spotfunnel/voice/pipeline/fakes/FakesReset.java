package com.spotfunnel.voice.pipeline.fakes;

import com.spotfunnel.voice.pipeline.analysis.AnalysisPublisher;
import com.spotfunnel.voice.pipeline.conversation.ConversationServices;
import com.spotfunnel.voice.pipeline.provider.ProviderAvailability;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the call tests: the previous test's calls have finished their post-call analysis (so they cannot talk
 * to the fakes any more), then healthy fakes, closed breakers and every provider available.
 */
public abstract class FakesReset {

    @Inject
    protected CircuitBreakerMaintenance breakers;

    @Inject
    AnalysisPublisher analyses;

    @Inject
    protected ProviderAvailability availability;

    @Inject
    ConversationServices conversations;

    /** No call open and every analysis published. */
    protected boolean idle() {
        return conversations.activeCalls() == 0 && analyses.inFlight() == 0;
    }

    @BeforeEach
    void resetFakes() {
        Awaitility.await()
                .pollInterval(Duration.ofMillis(20))
                .atMost(Duration.ofSeconds(30))
                .until(this::idle);
        ProviderFakes.resetAll();
        breakers.resetAll();
        availability.resetAll();
    }
}
