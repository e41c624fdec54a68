package com.spotfunnel.voice.gateway.ops;

import com.spotfunnel.voice.gateway.config.GatewayConfig;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Warms the media path before this instance takes calls: a freshly started JVM interprets it, and 200 calls meeting a
 * cold pod waited seconds for their answers (docs/benchmarks/voice-load.md). At start, {@code gateway.warm-up.calls}
 * synthetic calls run side by side over loopback sockets of this process ({@link WarmUpCall}); readiness
 * ({@link WarmUpReadiness}) stays DOWN until they are done or {@code gateway.warm-up.timeout} passed.
 *
 * <p>They never touch a call session, a tenant, Kafka or a meter: nothing of them is published or counted.
 */
@ApplicationScoped
public class WarmUp {

    private static final Logger LOG = Logger.getLogger(WarmUp.class);
    static final String LOOPBACK = "127.0.0.1";

    private final Vertx vertx;
    private final int calls;
    private final int framesPerCall;
    private final Duration timeout;
    private final WarmUpCall.Counters counters = new WarmUpCall.Counters();
    private volatile boolean finished;

    @Inject
    public WarmUp(Vertx vertx, GatewayConfig config) {
        this(
                vertx,
                config.warmUp().calls(),
                config.warmUp().framesPerCall(),
                config.warmUp().timeout());
    }

    WarmUp(Vertx vertx, int calls, int framesPerCall, Duration timeout) {
        this.vertx = vertx;
        this.calls = calls;
        this.framesPerCall = framesPerCall;
        this.timeout = timeout;
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    /** Runs the warm-up in the background; {@link #finished()} turns true when it is over. */
    void start() {
        if (calls <= 0 || framesPerCall <= 0) {
            finished = true;
            return;
        }
        long began = System.nanoTime();
        long timer = vertx.setTimer(Math.max(1, timeout.toMillis()), id -> {
            if (!finished) {
                LOG.warnf("Warm-up not done after %s (%d caller frames relayed): taking calls", timeout, relayed());
                counters.stop();
                finished = true;
            }
        });
        run().onComplete(result -> {
            vertx.cancelTimer(timer);
            if (result.failed()) {
                LOG.warnf(result.cause(), "Warm-up failed after %d caller frames relayed: taking calls", relayed());
            } else {
                LOG.infof(
                        "Warm-up: %d synthetic calls, %d caller frames relayed, %d agent frames, in %d ms",
                        calls, relayed(), counters.agentFrames(), (System.nanoTime() - began) / 1_000_000);
            }
            finished = true;
        });
    }

    private Future<Void> run() {
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(calls * 2));
        HttpServer server =
                vertx.createHttpServer(new HttpServerOptions().setHost(LOOPBACK).setPort(0));
        return server.webSocketHandler(socket -> WarmUpCall.serve(socket, client, server.actualPort(), counters))
                .listen()
                .compose(listening -> {
                    List<Future<Void>> running = new ArrayList<>();
                    for (int i = 0; i < calls; i++) {
                        running.add(WarmUpCall.call(client, listening.actualPort(), i, framesPerCall, counters));
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

    /** Synthetic agent frames that reached the Twilio side so far. */
    long agentFrames() {
        return counters.agentFrames();
    }

    /** Synthetic caller frames that reached the stand-in pipeline so far. */
    public long relayed() {
        return counters.callerFrames();
    }
}
