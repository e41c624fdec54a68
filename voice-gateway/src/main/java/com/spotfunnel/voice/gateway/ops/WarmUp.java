package com.spotfunnel.voice.gateway.ops;

import com.spotfunnel.voice.gateway.config.GatewayConfig;
import com.spotfunnel.voice.support.startup.LoopbackWarmUp;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;

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

    static final String LOOPBACK = LoopbackWarmUp.LOOPBACK;

    private final WarmUpCall.Counters counters = new WarmUpCall.Counters();
    private final LoopbackWarmUp warmUp;

    @Inject
    public WarmUp(Vertx vertx, GatewayConfig config) {
        this(
                vertx,
                config.warmUp().calls(),
                config.warmUp().framesPerCall(),
                config.warmUp().timeout());
    }

    WarmUp(Vertx vertx, int calls, int framesPerCall, Duration timeout) {
        // Each synthetic call holds two client sockets: the Twilio side and the gateway's bridge to the pipeline.
        this.warmUp = new LoopbackWarmUp(
                vertx, framesPerCall <= 0 ? 0 : calls, Math.max(1, calls * 2), timeout, new LoopbackWarmUp.Calls() {
                    @Override
                    public void serve(ServerWebSocket socket, WebSocketClient client, int serverPort) {
                        WarmUpCall.serve(socket, client, serverPort, counters);
                    }

                    @Override
                    public Future<Void> call(WebSocketClient client, int serverPort, int index) {
                        return WarmUpCall.call(client, serverPort, index, framesPerCall, counters);
                    }

                    @Override
                    public void stop() {
                        counters.stop();
                    }

                    @Override
                    public String progress() {
                        return relayed() + " caller frames relayed, " + agentFrames() + " agent frames";
                    }
                });
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    /** Runs the warm-up in the background; {@link #finished()} turns true when it is over. */
    void start() {
        warmUp.start();
    }

    /** True once the warm-up is over (done, failed or timed out), or when there is none. */
    public boolean finished() {
        return warmUp.finished();
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
