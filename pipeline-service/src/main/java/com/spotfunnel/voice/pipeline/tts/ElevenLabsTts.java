package com.spotfunnel.voice.pipeline.tts;

import com.spotfunnel.voice.pipeline.config.ProvidersConfig;
import com.spotfunnel.voice.pipeline.provider.FirstItem;
import com.spotfunnel.voice.pipeline.provider.HttpStreams;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/** ElevenLabs {@code POST /v1/text-to-speech/{voice}/stream?output_format=ulaw_8000}: chunked raw μ-law. */
@ApplicationScoped
public class ElevenLabsTts implements TtsProvider {

    private final HttpStreams http;
    private final ProvidersConfig.ElevenLabs config;

    public ElevenLabsTts(HttpStreams http, ProvidersConfig providers) {
        this.http = http;
        this.config = providers.elevenlabs();
    }

    @Override
    public String name() {
        return "elevenlabs";
    }

    @Override
    public String model() {
        return config.model();
    }

    @Override
    @NonBlocking
    @Timeout(1500)
    @Retry(maxRetries = 1, delay = 100, abortOn = CircuitBreakerOpenException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10_000, successThreshold = 1)
    @CircuitBreakerName("elevenlabs-tts")
    public Uni<Multi<byte[]>> synthesize(String text, String voice) {
        String url = config.url() + "/v1/text-to-speech/" + (voice == null ? config.voice() : voice)
                + "/stream?output_format=ulaw_8000";
        JsonObject body = new JsonObject().put("text", text).put("model_id", config.model());
        Map<String, String> headers = Map.of(
                "xi-api-key", config.apiKey().orElse(""), "Content-Type", "application/json", "Accept", "audio/basic");
        return FirstItem.await(
                http.post(url, headers, body.encode()).map(Buffer::getBytes).filter(bytes -> bytes.length > 0));
    }
}
