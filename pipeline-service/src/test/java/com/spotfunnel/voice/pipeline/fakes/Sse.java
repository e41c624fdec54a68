package com.spotfunnel.voice.pipeline.fakes;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** SSE bodies exactly as OpenAI and Gemini stream them. */
public final class Sse {

    public static final long OPENAI_PROMPT_TOKENS = 120;
    public static final long OPENAI_COMPLETION_TOKENS = 12;
    public static final long GEMINI_PROMPT_TOKENS = 100;
    public static final long GEMINI_COMPLETION_TOKENS = 8;

    private Sse() {}

    /** A whole answer: role chunk, content chunks, finish_reason, usage chunk, [DONE]. */
    public static String openAi(String... parts) {
        return openAiCut(parts)
                + event(new JsonObject()
                        .put("id", "chatcmpl-1")
                        .put("object", "chat.completion.chunk")
                        .put(
                                "choices",
                                new JsonArray()
                                        .add(new JsonObject()
                                                .put("index", 0)
                                                .put("delta", new JsonObject())
                                                .put("finish_reason", "stop"))))
                + event(new JsonObject()
                        .put("id", "chatcmpl-1")
                        .put("choices", new JsonArray())
                        .put(
                                "usage",
                                new JsonObject()
                                        .put("prompt_tokens", OPENAI_PROMPT_TOKENS)
                                        .put("completion_tokens", OPENAI_COMPLETION_TOKENS)
                                        .put("total_tokens", OPENAI_PROMPT_TOKENS + OPENAI_COMPLETION_TOKENS)))
                + "data: [DONE]\n\n";
    }

    /** The content chunks only: the stream stops without finish_reason, usage or [DONE]. */
    public static String openAiCut(String... parts) {
        StringBuilder body = new StringBuilder(event(new JsonObject()
                .put("id", "chatcmpl-1")
                .put("object", "chat.completion.chunk")
                .put("model", "gpt-6-luna")
                .put(
                        "choices",
                        new JsonArray()
                                .add(new JsonObject()
                                        .put("index", 0)
                                        .put(
                                                "delta",
                                                new JsonObject()
                                                        .put("role", "assistant")
                                                        .put("content", ""))))));
        for (String part : parts) {
            body.append(event(new JsonObject()
                    .put("id", "chatcmpl-1")
                    .put("object", "chat.completion.chunk")
                    .put(
                            "choices",
                            new JsonArray()
                                    .add(new JsonObject()
                                            .put("index", 0)
                                            .put("delta", new JsonObject().put("content", part))
                                            .putNull("finish_reason")))));
        }
        return body.toString();
    }

    /** Gemini: text chunks, the last with finishReason STOP and usageMetadata; the stream then closes. */
    public static String gemini(String... parts) {
        return geminiThinking(0, parts);
    }

    /** Gemini as a thinking model reports it: {@code thoughtsTokenCount} beside the answer's tokens. */
    public static String geminiThinking(long thoughtsTokens, String... parts) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            JsonObject candidate = new JsonObject()
                    .put(
                            "content",
                            new JsonObject()
                                    .put("role", "model")
                                    .put("parts", new JsonArray().add(new JsonObject().put("text", parts[i]))))
                    .put("index", 0);
            JsonObject chunk = new JsonObject();
            if (i == parts.length - 1) {
                candidate.put("finishReason", "STOP");
                chunk.put(
                        "usageMetadata",
                        new JsonObject()
                                .put("promptTokenCount", GEMINI_PROMPT_TOKENS)
                                .put("candidatesTokenCount", GEMINI_COMPLETION_TOKENS)
                                .put(
                                        "totalTokenCount",
                                        GEMINI_PROMPT_TOKENS + GEMINI_COMPLETION_TOKENS + thoughtsTokens));
                if (thoughtsTokens > 0) {
                    chunk.getJsonObject("usageMetadata").put("thoughtsTokenCount", thoughtsTokens);
                }
            }
            chunk.put("candidates", new JsonArray().add(candidate)).put("modelVersion", "gemini-3.5-flash-lite");
            body.append(event(chunk));
        }
        return body.toString();
    }

    private static String event(JsonObject data) {
        return "data: " + data.encode() + "\n\n";
    }
}
