package com.spotfunnel.voice.pipeline.provider;

import com.spotfunnel.voice.events.payload.Stage;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/**
 * Per-stage provider latency: {@code pipeline_provider_first_byte} (STT: stream open; LLM: first token; TTS: first
 * audio), tagged with stage, provider and outcome.
 */
@ApplicationScoped
public class ProviderMetrics {

    private final MeterRegistry meters;

    public ProviderMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Times {@code call} to its first item; a success is also reported to the call's {@code listener}. */
    public <T> Uni<T> timeFirst(Stage stage, String provider, Uni<T> call, StageListener listener) {
        return Uni.createFrom().deferred(() -> {
            long started = System.nanoTime();
            return call.onItemOrFailure().invoke((item, failure) -> {
                long nanos = System.nanoTime() - started;
                Timer.builder("pipeline_provider_first_byte")
                        .tag("stage", stage.name().toLowerCase(Locale.ROOT))
                        .tag("provider", provider)
                        .tag("outcome", failure == null ? "ok" : ProviderException.typeOf(failure))
                        .publishPercentiles(0.5, 0.99)
                        .register(meters)
                        .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
                if (failure == null) {
                    listener.firstByte(stage, provider, nanos);
                }
            });
        });
    }
}
