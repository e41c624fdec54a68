package com.spotfunnel.voice.pipeline.provider;

import io.smallrye.mutiny.Multi;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.annotation.PreDestroy;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Non-blocking streaming HTTP for the provider clients: the response body as it arrives. A non-2xx answer fails
 * with {@link ProviderException#forStatus}; a connection that breaks fails with {@code stream_cut}. Cancelling
 * the stream resets the request, so a barge-in or a timeout frees the provider connection at once.
 */
@ApplicationScoped
public class HttpStreams {

    private final HttpClient client;

    public HttpStreams(Vertx vertx) {
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setMaxPoolSize(500)
                .setKeepAlive(true)
                .setTryUseCompression(false));
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
            RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(absoluteUrl);
            headers.forEach(options::putHeader);
            client.request(options).onComplete(requested -> {
                if (requested.failed()) {
                    emitter.fail(new ProviderException("connect", requested.cause().getMessage(), requested.cause()));
                    return;
                }
                HttpClientRequest request = requested.result();
                current.set(request);
                request.send(Buffer.buffer(body)).onComplete(answered -> {
                    if (answered.failed()) {
                        emitter.fail(new ProviderException("connect", answered.cause().getMessage(), answered.cause()));
                        return;
                    }
                    var response = answered.result();
                    if (response.statusCode() / 100 != 2) {
                        response.body().onComplete(ignored -> emitter.fail(ProviderException.forStatus(response.statusCode())));
                        return;
                    }
                    response.handler(emitter::emit);
                    response.exceptionHandler(t -> emitter.fail(new ProviderException("stream_cut",
                            "stream broke: " + t.getClass().getSimpleName(), t)));
                    response.endHandler(v -> {
                        current.set(null);
                        emitter.complete();
                    });
                });
            });
        });
    }
}
