package com.spotfunnel.voice.pipeline.fakes;

import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

/** Base of the call tests: healthy fakes and closed breakers before each test. */
public abstract class FakesReset {

    @Inject
    protected CircuitBreakerMaintenance breakers;

    @BeforeEach
    void resetFakes() {
        ProviderFakes.resetAll();
        breakers.resetAll();
    }
}
