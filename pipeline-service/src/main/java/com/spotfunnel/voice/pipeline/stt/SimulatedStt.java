package com.spotfunnel.voice.pipeline.stt;

import com.spotfunnel.voice.pipeline.config.ProvidersConfig;
import com.spotfunnel.voice.pipeline.provider.Simulation;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * A recognizer for the local stack and load tests ({@code simulated}): speech is audio whose energy is above a
 * threshold; an utterance ends after {@code silence} (600 ms) without speech, counted in audio time so it is
 * exact and needs no timer. What the caller "said" is the next line of a configured script. Like Deepgram's
 * interim results, the words are known before the endpoint: they are passed on as heard so far when the caller
 * pauses, the moment a real recognizer has heard all of them.
 */
@ApplicationScoped
public class SimulatedStt implements SttProvider {

    private final ProvidersConfig.Simulated.Stt config;

    public SimulatedStt(ProvidersConfig providers) {
        this.config = providers.simulated().stt();
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
    @CircuitBreakerName("simulated-stt")
    public Uni<SttSession> open(SttListener listener) {
        return Simulation.delayOrFail(
                name(),
                config.latency(),
                config.failureRate(),
                new EnergySession(
                        listener,
                        config.energyThreshold(),
                        (int) (config.silence().toMillis() * 8),
                        config.script()));
    }

    static final class EnergySession implements SttSession {
        private static final int SPEECH_START_BYTES = 480; // 60 ms of speech before it counts
        private final SttListener listener;
        private final int threshold;
        private final int silenceBytes;
        private final List<String> script;
        private int line;
        private int speechBytes;
        private int quietBytes;
        private boolean speaking;
        private boolean closed;

        EnergySession(SttListener listener, int threshold, int silenceBytes, List<String> script) {
            this.listener = listener;
            this.threshold = threshold;
            this.silenceBytes = silenceBytes;
            this.script = script;
        }

        @Override
        public void send(byte[] audio) {
            boolean loud;
            String finished = null;
            String paused = null;
            boolean started = false;
            synchronized (this) {
                if (closed) {
                    return;
                }
                loud = MuLaw.energy(audio) > threshold;
                if (loud) {
                    quietBytes = 0;
                    speechBytes += audio.length;
                    if (!speaking && speechBytes >= SPEECH_START_BYTES) {
                        speaking = true;
                        started = true;
                    }
                } else if (speaking) {
                    if (quietBytes == 0) {
                        paused = nextLine();
                    }
                    quietBytes += audio.length;
                    if (quietBytes >= silenceBytes) {
                        speaking = false;
                        speechBytes = 0;
                        quietBytes = 0;
                        finished = nextLine();
                        line++;
                    }
                } else {
                    speechBytes = 0;
                }
            }
            if (started) {
                listener.onSpeechStarted();
            }
            if (paused != null && finished == null) {
                listener.onPartial(paused);
            }
            if (finished != null) {
                listener.onUtterance(finished);
            }
        }

        private String nextLine() {
            return script.isEmpty() ? "hello" : script.get(line % script.size());
        }

        @Override
        public synchronized void close() {
            closed = true;
        }
    }
}
