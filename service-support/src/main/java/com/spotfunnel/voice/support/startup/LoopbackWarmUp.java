package com.spotfunnel.voice.support.startup;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Runs a service's start-up warm-up: {@code calls} synthetic calls side by side over a WebSocket server and client on
 * this process's loopback address, in the background, bounded by {@code timeout}. The gateway and the pipeline each
 * supply what one synthetic call does ({@link Calls}); this class owns the sockets, the deadline and the "finished"
 * state their readiness checks report. Without calls it is finished at once.
 */
public final class LoopbackWarmUp {

    private static final Logger LOG = Logger.getLogger(LoopbackWarmUp.class);
    public static final String LOOPBACK = "127.0.0.1";

    /** What the synthetic calls of one service do on the loopback sockets. */
    public interface Calls {

        /** Serves one synthetic call's socket on the warm-up server (listening on {@code serverPort}). */
        void serve(ServerWebSocket socket, WebSocketClient client, int serverPort);

        /** Starts synthetic call {@code index} against the warm-up server; completes when it is over. */
        Future<Void> call(WebSocketClient client, int serverPort, int index);

        /** Stops every synthetic call still running (the deadline passed). */
        void stop();

        /** What was done so far, for the log ("1,500 caller frames relayed"). */
        String progress();
    }

    private final Vertx vertx;
    private final int calls;
    private final int maxConnections;
    private final Duration timeout;
    private final Calls work;
    private volatile boolean finished;

    public LoopbackWarmUp(Vertx vertx, int calls, int maxConnections, Duration timeout, Calls work) {
        this.vertx = vertx;
        this.calls = calls;
        this.maxConnections = maxConnections;
        this.timeout = timeout;
        this.work = work;
    }

    /** Runs the warm-up in the background; {@link #finished()} turns true when it is over. */
    public void start() {
        if (calls <= 0) {
            finished = true;
            return;
        }
        long began = System.nanoTime();
        long timer = vertx.setTimer(Math.max(1, timeout.toMillis()), id -> {
            if (!finished) {
                LOG.warnf("Warm-up not done after %s (%s): taking calls", timeout, work.progress());
                work.stop();
                finished = true;
            }
        });
        run().onComplete(result -> {
            vertx.cancelTimer(timer);
            if (result.failed()) {
                LOG.warnf(result.cause(), "Warm-up failed (%s): taking calls", work.progress());
            } else {
                LOG.infof(
                        "Warm-up: %d synthetic calls, %s, in %d ms",
                        calls, work.progress(), (System.nanoTime() - began) / 1_000_000);
            }
            finished = true;
        });
    }

    private Future<Void> run() {
        WebSocketClient client =
                vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(maxConnections));
        HttpServer server =
                vertx.createHttpServer(new HttpServerOptions().setHost(LOOPBACK).setPort(0));
        Handler<ServerWebSocket> serve = socket -> work.serve(socket, client, server.actualPort());
        return server.webSocketHandler(serve)
                .listen()
                .compose(listening -> {
                    List<Future<Void>> running = new ArrayList<>();
                    for (int i = 0; i < calls; i++) {
                        running.add(work.call(client, listening.actualPort(), i));
                    }
                    return Future.join(running);
                })
                .<Void>mapEmpty()
                .andThen(ignored -> server.close().onComplete(closed -> client.close()));
    }

    /** True once the warm-up is over (done, failed or timed out), or when there is none. */
    public boolean finished() {
        return finished;
    }
}
