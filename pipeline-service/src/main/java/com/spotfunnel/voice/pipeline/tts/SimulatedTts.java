package com.spotfunnel.voice.pipeline.tts;

import com.spotfunnel.voice.pipeline.config.ProvidersConfig;
import com.spotfunnel.voice.pipeline.provider.Simulation;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * A TTS for the local stack and load tests ({@code simulated}): a quiet μ-law tone whose length follows the
 * text ({@code bytes-per-character}), streamed in chunks of {@code chunk-bytes}.
 */
@ApplicationScoped
public class SimulatedTts implements TtsProvider {

    private final ProvidersConfig.Simulated.Tts config;

    public SimulatedTts(ProvidersConfig providers) {
        this.config = providers.simulated().tts();
    }

    @Override
    public String name() {
        return "simulated";
    }

    @Override
    public String model() {
        return "simulated";
    }

    @Override
    @NonBlocking
    @Timeout(5000)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5_000, successThreshold = 1)
    @CircuitBreakerName("simulated-tts")
    public Uni<Multi<byte[]>> synthesize(String text, String voice) {
        return Simulation.delayOrFail(
                name(),
                config.latency(),
                config.failureRate(),
                Multi.createFrom().iterable(chunks(text.length() * config.bytesPerCharacter(), config.chunkBytes())));
    }

    static List<byte[]> chunks(int total, int chunkBytes) {
        int size = Math.max(1, chunkBytes);
        List<byte[]> chunks = new ArrayList<>();
        for (int offset = 0; offset < total; offset += size) {
            byte[] chunk = new byte[Math.min(size, total - offset)];
            for (int i = 0; i < chunk.length; i++) {
                // a soft square wave: μ-law 0x70 / 0xF0 are small positive / negative samples
                chunk[i] = (byte) (((offset + i) / 20) % 2 == 0 ? 0x70 : 0xF0);
            }
            chunks.add(chunk);
        }
        return chunks;
    }
}
