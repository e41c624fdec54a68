package com.spotfunnel.voice.gateway.ops;

import com.spotfunnel.voice.gateway.config.GatewayConfig;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Graceful shutdown, second half. On SIGTERM Quarkus' graceful shutdown comes first: every new request gets 503
 * (readiness, so the load balancer stops sending; a new call's webhook, so Twilio tries the number's fallback
 * URL) while live calls' Media Streams sockets go on until they end or {@code quarkus.shutdown.timeout} passes
 * (service-support's {@code WebSocketShutdownAccounting} makes those sockets count). Then this observer marks
 * the gateway draining and waits up to {@code gateway.drain-grace} for sessions still ending, so their CallEnded
 * is handed to the Kafka producer before it closes (and flushes).
 */
@ApplicationScoped
public class Drain {

    private static final Logger LOG = Logger.getLogger(Drain.class);

    private final GatewayMetrics metrics;
    private final GatewayConfig config;
    private volatile boolean draining;

    public Drain(GatewayMetrics metrics, GatewayConfig config) {
        this.metrics = metrics;
        this.config = config;
    }

    public boolean isDraining() {
        return draining;
    }

    public void begin() {
        draining = true;
    }

    /** For tests and an operator's cancelled drain. */
    public void cancel() {
        draining = false;
    }

    /** Runs first among the ShutdownEvent observers (priority 1), before the Kafka producer closes. */
    void onShutdown(@Observes @Priority(1) ShutdownEvent event) {
        begin();
        Instant started = Instant.now();
        Instant deadline = started.plus(config.drainGrace());
        LOG.infof("Draining: %d live calls, up to %s", metrics.activeCalls(), config.drainGrace());
        while (metrics.activeCalls() > 0 && Instant.now().isBefore(deadline)) {
            sleep(Duration.ofMillis(100));
        }
        LOG.infof(
                "Drain done after %d ms: %d calls still live",
                Duration.between(started, Instant.now()).toMillis(), metrics.activeCalls());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
