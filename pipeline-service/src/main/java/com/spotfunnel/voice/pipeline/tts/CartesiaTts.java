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

/** Cartesia {@code POST /tts/bytes}: raw {@code pcm_mulaw} at 8 kHz. */
@ApplicationScoped
public class CartesiaTts implements TtsProvider {

    private final HttpStreams http;
    private final ProvidersConfig.Cartesia config;

    public CartesiaTts(HttpStreams http, ProvidersConfig providers) {
        this.http = http;
        this.config = providers.cartesia();
    }

    @Override
    public String name() {
        return "cartesia";
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
    @CircuitBreakerName("cartesia-tts")
    public Uni<Multi<byte[]>> synthesize(String text, String voice) {
        JsonObject body = new JsonObject()
                .put("model_id", config.model())
                .put("transcript", text)
                .put("voice", new JsonObject().put("mode", "id").put("id", voice == null ? config.voice() : voice))
                .put(
                        "output_format",
                        new JsonObject()
                                .put("container", "raw")
                                .put("encoding", "pcm_mulaw")
                                .put("sample_rate", 8000))
                .put("language", "en");
        Map<String, String> headers = Map.of(
                "Cartesia-Version",
                config.version(),
                "Authorization",
                "Bearer " + config.apiKey().orElse(""),
                "Content-Type",
                "application/json");
        return FirstItem.await(http.post(config.url() + "/tts/bytes", headers, body.encode())
                .map(Buffer::getBytes)
                .filter(bytes -> bytes.length > 0));
    }
}
