package com.spotfunnel.voice.simulator;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import java.util.concurrent.TimeUnit;

/**
 * The network side of simulated callers: Vert.x event loops that carry every caller's webhook, Media Streams
 * WebSocket and 20 ms audio clock. Each call lives on one event loop, so a load run of hundreds of callers costs
 * a few threads and one write per frame, not a thread hand-off per message: the generator shares the machine
 * with the platform it measures, and what it burns is taken from the platform.
 */
public final class CallerTransport implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    private final Vertx vertx;
    private final HttpClient http;
    private final WebSocketClient webSockets;

    private CallerTransport(int eventLoops) {
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops));
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(CONNECT_TIMEOUT_MILLIS)
                .setMaxPoolSize(64));
        this.webSockets = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setConnectTimeout(CONNECT_TIMEOUT_MILLIS)
                .setMaxConnections(100_000));
    }

    /** One event loop per core. */
    public static CallerTransport open() {
        return new CallerTransport(Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    Vertx vertx() {
        return vertx;
    }

    HttpClient http() {
        return http;
    }

    WebSocketClient webSockets() {
        return webSockets;
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // closing on the way out: nothing left to do with a failure
        }
    }
}
