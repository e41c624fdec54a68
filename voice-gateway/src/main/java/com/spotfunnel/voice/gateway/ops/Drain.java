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
 * Graceful shutdown: on SIGTERM readiness goes DOWN (the load balancer stops sending), the webhook refuses
 * new calls, and live calls go on until they end or {@code gateway.drain-grace} passes.
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

    /** Runs early in shutdown (high priority), before the HTTP server and Kafka producer stop. */
    void onShutdown(@Observes @Priority(1) ShutdownEvent event) {
        begin();
        Instant deadline = Instant.now().plus(config.drainGrace());
        LOG.infof("Draining: %d live calls, up to %s", metrics.activeCalls(), config.drainGrace());
        while (metrics.activeCalls() > 0 && Instant.now().isBefore(deadline)) {
            sleep(Duration.ofMillis(200));
        }
        LOG.infof("Drain done: %d calls still live", metrics.activeCalls());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
