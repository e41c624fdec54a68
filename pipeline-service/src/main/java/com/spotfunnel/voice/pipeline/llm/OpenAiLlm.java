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

/** OpenAI chat completions, streamed as SSE ({@code POST /v1/chat/completions}, {@code stream: true}). */
@ApplicationScoped
public class OpenAiLlm implements LlmProvider {

    private final HttpStreams http;
    private final ProvidersConfig.OpenAi config;

    public OpenAiLlm(HttpStreams http, ProvidersConfig providers) {
        this.http = http;
        this.config = providers.openai();
    }

    @Override
    public String name() {
        return "openai";
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
    @CircuitBreakerName("openai-llm")
    public Uni<Multi<LlmEvent>> stream(LlmRequest request) {
        return FirstItem.await(events(request));
    }

    private Multi<LlmEvent> events(LlmRequest request) {
        return Multi.createFrom().deferred(() -> {
            SseParser sse = new SseParser();
            boolean[] done = {false};
            Map<String, String> headers = Map.of(
                    "Authorization",
                    "Bearer " + config.apiKey().orElse(""),
                    "Content-Type",
                    "application/json",
                    "Accept",
                    "text/event-stream");
            return http.post(
                            config.url() + "/v1/chat/completions",
                            headers,
                            body(request).encode())
                    .onItem()
                    .transformToIterable(buffer -> parse(sse.feed(buffer.getBytes()), done))
                    .onCompletion()
                    .switchTo(() -> done[0]
                            ? Multi.createFrom().empty()
                            : Multi.createFrom()
                                    .failure(new ProviderException("stream_cut", "stream ended before [DONE]")));
        });
    }

    private JsonObject body(LlmRequest request) {
        JsonArray messages =
                new JsonArray().add(new JsonObject().put("role", "system").put("content", request.systemPrompt()));
        request.messages()
                .forEach(m -> messages.add(new JsonObject()
                        .put("role", m.role() == ChatMessage.Role.USER ? "user" : "assistant")
                        .put("content", m.text())));
        JsonObject body = new JsonObject()
                .put("model", config.model())
                .put("messages", messages)
                .put("stream", true)
                .put("max_completion_tokens", config.maxTokens())
                .put("stream_options", new JsonObject().put("include_usage", true));
        config.reasoningEffort().ifPresent(effort -> body.put("reasoning_effort", effort));
        return body;
    }

    private List<LlmEvent> parse(List<String> data, boolean[] done) {
        List<LlmEvent> events = new ArrayList<>();
        for (String item : data) {
            if ("[DONE]".equals(item.trim())) {
                done[0] = true;
                continue;
            }
            JsonObject chunk;
            try {
                chunk = new JsonObject(item);
            } catch (RuntimeException e) {
                throw new ProviderException("bad_response", "unreadable SSE chunk");
            }
            if (chunk.containsKey("error")) {
                JsonObject error = chunk.getJsonObject("error", new JsonObject());
                throw new ProviderException("provider_error", String.valueOf(error.getString("type")));
            }
            JsonArray choices = chunk.getJsonArray("choices", new JsonArray());
            if (!choices.isEmpty()) {
                JsonObject delta = choices.getJsonObject(0).getJsonObject("delta", new JsonObject());
                String content = delta.getString("content");
                if (content != null && !content.isEmpty()) {
                    events.add(new LlmEvent.Delta(content));
                }
            }
            JsonObject usage = chunk.getJsonObject("usage");
            if (usage != null) {
                events.add(new LlmEvent.Usage(
                        name(),
                        config.model(),
                        usage.getLong("prompt_tokens", 0L),
                        usage.getLong("completion_tokens", 0L),
                        false));
            }
        }
        return events;
    }
}
