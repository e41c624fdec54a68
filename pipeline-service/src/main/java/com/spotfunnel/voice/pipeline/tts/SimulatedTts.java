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
 * text ({@code bytes-per-character}), in 20 ms frames.
 */
@ApplicationScoped
public class SimulatedTts implements TtsProvider {

    static final int FRAME = 160;
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
        return Simulation.delayOrFail(name(), config.latency(), config.failureRate(),
                Multi.createFrom().iterable(frames(text.length() * config.bytesPerCharacter())));
    }

    static List<byte[]> frames(int total) {
        List<byte[]> frames = new ArrayList<>();
        for (int offset = 0; offset < total; offset += FRAME) {
            byte[] frame = new byte[Math.min(FRAME, total - offset)];
            for (int i = 0; i < frame.length; i++) {
                // a soft square wave: μ-law 0x70 / 0xF0 are small positive / negative samples
                frame[i] = (byte) (((offset + i) / 20) % 2 == 0 ? 0x70 : 0xF0);
            }
            frames.add(frame);
        }
        return frames;
    }
}
