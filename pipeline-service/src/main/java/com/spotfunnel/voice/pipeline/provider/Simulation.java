package com.spotfunnel.voice.pipeline.provider;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** The knobs every simulated provider shares: an added latency and a failure rate (0..1). */
public final class Simulation {

    private Simulation() {}

    /** Waits the latency (on a timer, never a thread) and fails at the configured rate. */
    public static <T> Uni<T> delayOrFail(String provider, Duration latency, double failureRate, T value) {
        Uni<T> result = ThreadLocalRandom.current().nextDouble() < failureRate
                ? Uni.createFrom().failure(new ProviderException("simulated_failure", provider + " failed on purpose"))
                : Uni.createFrom().item(value);
        return latency.isZero()
                ? result
                : Uni.createFrom().voidItem().onItem().delayIt().by(latency).replaceWith(result);
    }
}
