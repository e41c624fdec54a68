package com.spotfunnel.voice.pipeline.provider;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Non-blocking streaming HTTP for the provider clients: the response body as it arrives. A non-2xx answer fails
 * with {@link ProviderException#forStatus}; a connection that breaks fails with {@code stream_cut}. Cancelling
 * the stream resets the request, so a barge-in or a timeout frees the provider connection at once. A request
 * that meets a keep-alive connection the provider had already closed is sent again once on a new one.
 */
@ApplicationScoped
public class HttpStreams {

    /** Pooled connections found closed in a row before the failure counts: each one is dropped from the pool. */
    private static final int STALE_CONNECTION_RESENDS = 3;

    private final HttpClient client;

    public HttpStreams(Vertx vertx) {
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setMaxPoolSize(500)
                .setKeepAlive(true)
                // Idle connections are dropped before providers' own idle timeouts (often 30 s) close them.
                .setKeepAliveTimeout(15)
                .setTryUseCompression(false));
    }

    /**
     * The connection closed or was reset while the request went out, before any answer: a stale pooled
     * connection. Vert.x reports the close as {@link HttpClosedException}, a reset as an {@link java.io.IOException}
     * ("Connection reset by peer"); a timeout is neither.
     */
    static boolean brokeBeforeAnyAnswer(Throwable cause) {
        return cause instanceof HttpClosedException || cause instanceof java.io.IOException;
    }

    @PreDestroy
    void close() {
        client.close();
    }

    public Multi<Buffer> post(String absoluteUrl, Map<String, String> headers, String body) {
        return Multi.createFrom().emitter(emitter -> {
            AtomicReference<HttpClientRequest> current = new AtomicReference<>();
            emitter.onTermination(() -> {
                HttpClientRequest request = current.get();
                if (request != null) {
                    request.reset();
                }
            });
            RequestOptions options =
                    new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(absoluteUrl);
            headers.forEach(options::putHeader);
            attempt(options, body, emitter, current, STALE_CONNECTION_RESENDS);
        });
    }

    /**
     * One request. A pooled keep-alive connection that the provider already closed (or reset) fails before any
     * answer, either when it is handed out ({@code client.request} fails with {@link HttpClosedException}) or while
     * the request goes out: that is not the provider failing, so it is sent again (up to
     * {@value #STALE_CONNECTION_RESENDS} times). A provider that cannot be reached at all is not tried again here.
     */
    private void attempt(
            RequestOptions options,
            String body,
            MultiEmitter<? super Buffer> emitter,
            AtomicReference<HttpClientRequest> current,
            int staleResendsLeft) {
        client.request(options).onComplete(requested -> {
            if (requested.failed()) {
                // Only a pooled connection found closed is stale here; a refused or timed-out connect is the
                // provider being unreachable, and trying again would only multiply the connect timeout.
                Throwable cause = requested.cause();
                resendOrFail(
                        cause instanceof HttpClosedException, cause, options, body, emitter, current, staleResendsLeft);
                return;
            }
            HttpClientRequest request = requested.result();
            current.set(request);
            request.send(Buffer.buffer(body)).onComplete(answered -> {
                if (answered.failed()) {
                    resendOrFail(
                            brokeBeforeAnyAnswer(answered.cause()),
                            answered.cause(),
                            options,
                            body,
                            emitter,
                            current,
                            staleResendsLeft);
                    return;
                }
                var response = answered.result();
                if (response.statusCode() / 100 != 2) {
                    response.body()
                            .onComplete(ignored -> emitter.fail(ProviderException.forStatus(response.statusCode())));
                    return;
                }
                response.handler(emitter::emit);
                response.exceptionHandler(t -> emitter.fail(new ProviderException(
                        "stream_cut", "stream broke: " + t.getClass().getSimpleName(), t)));
                response.endHandler(v -> {
                    current.set(null);
                    emitter.complete();
                });
            });
        });
    }

    private void resendOrFail(
            boolean stale,
            Throwable cause,
            RequestOptions options,
            String body,
            MultiEmitter<? super Buffer> emitter,
            AtomicReference<HttpClientRequest> current,
            int staleResendsLeft) {
        if (stale && staleResendsLeft > 0 && !emitter.isCancelled()) {
            attempt(options, body, emitter, current, staleResendsLeft - 1);
        } else {
            emitter.fail(new ProviderException("connect", cause.getMessage(), cause));
        }
    }
}
