package com.spotfunnel.voice.pipeline.llm;

import com.spotfunnel.voice.pipeline.config.ProvidersConfig;
import com.spotfunnel.voice.pipeline.provider.FirstItem;
import com.spotfunnel.voice.pipeline.provider.HttpStreams;
import com.spotfunnel.voice.pipeline.provider.ProviderException;
import com.spotfunnel.voice.pipeline.provider.SseParser;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Gemini {@code streamGenerateContent?alt=sse}. There is no end marker: a stream is whole when a chunk carried a
 * {@code finishReason}; one that closes without it was cut.
 */
@ApplicationScoped
public class GeminiLlm implements LlmProvider {

    private final HttpStreams http;
    private final ProvidersConfig.Gemini config;

    public GeminiLlm(HttpStreams http, ProvidersConfig providers) {
        this.http = http;
        this.config = providers.gemini();
    }

    @Override
    public String name() {
        return "gemini";
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
    @CircuitBreakerName("gemini-llm")
    public Uni<Multi<LlmEvent>> stream(LlmRequest request) {
        return FirstItem.await(events(request));
    }

    private Multi<LlmEvent> events(LlmRequest request) {
        return Multi.createFrom().deferred(() -> {
            SseParser sse = new SseParser();
            State state = new State();
            Map<String, String> headers = Map.of(
                    "x-goog-api-key",
                    config.apiKey().orElse(""),
                    "Content-Type",
                    "application/json",
                    "Accept",
                    "text/event-stream");
            String url = config.url() + "/v1beta/models/" + config.model() + ":streamGenerateContent?alt=sse";
            return http.post(url, headers, body(request).encode())
                    .onItem()
                    .transformToIterable(buffer -> parse(sse.feed(buffer.getBytes()), state))
                    .onCompletion()
                    .switchTo(() -> {
                        List<LlmEvent> tail = parse(sse.finish(), state);
                        if (!state.finished) {
                            return Multi.createFrom()
                                    .failure(new ProviderException("stream_cut", "stream closed without finishReason"));
                        }
                        if (state.usage != null) {
                            tail.add(state.usage);
                        }
                        return Multi.createFrom().iterable(tail);
                    });
        });
    }

    private JsonObject body(LlmRequest request) {
        JsonArray contents = new JsonArray();
        request.messages()
                .forEach(m -> contents.add(new JsonObject()
                        .put("role", m.role() == ChatMessage.Role.USER ? "user" : "model")
                        .put("parts", new JsonArray().add(new JsonObject().put("text", m.text())))));
        return new JsonObject()
                .put("contents", contents)
                .put(
                        "systemInstruction",
                        new JsonObject()
                                .put(
                                        "parts",
                                        new JsonArray().add(new JsonObject().put("text", request.systemPrompt()))))
                .put(
                        "generationConfig",
                        new JsonObject()
                                .put("maxOutputTokens", config.maxTokens())
                                .put(
                                        "thinkingConfig",
                                        new JsonObject().put("thinkingBudget", config.thinkingBudget())));
    }

    private List<LlmEvent> parse(List<String> data, State state) {
        List<LlmEvent> events = new ArrayList<>();
        for (String item : data) {
            JsonObject chunk;
            try {
                chunk = new JsonObject(item);
            } catch (RuntimeException e) {
                throw new ProviderException("bad_response", "unreadable SSE chunk");
            }
            if (chunk.containsKey("error")) {
                throw new ProviderException(
                        "provider_error",
                        String.valueOf(
                                chunk.getJsonObject("error", new JsonObject()).getString("status")));
            }
            JsonArray candidates = chunk.getJsonArray("candidates", new JsonArray());
            if (!candidates.isEmpty()) {
                JsonObject candidate = candidates.getJsonObject(0);
                JsonArray parts =
                        candidate.getJsonObject("content", new JsonObject()).getJsonArray("parts", new JsonArray());
                for (int i = 0; i < parts.size(); i++) {
                    String text = parts.getJsonObject(i).getString("text");
                    if (text != null && !text.isEmpty()) {
                        events.add(new LlmEvent.Delta(text));
                    }
                }
                if (candidate.getString("finishReason") != null) {
                    state.finished = true;
                }
            }
            JsonObject usage = chunk.getJsonObject("usageMetadata");
            if (usage != null) {
                state.usage = new LlmEvent.Usage(
                        name(),
                        config.model(),
                        usage.getLong("promptTokenCount", 0L),
                        // thinking tokens are billed as output
                        usage.getLong("candidatesTokenCount", 0L) + usage.getLong("thoughtsTokenCount", 0L),
                        false);
            }
        }
        return events;
    }

    private static final class State {
        boolean finished;
        LlmEvent.Usage usage;
    }
}
