package com.spotfunnel.voice.gateway.ops;

import com.spotfunnel.voice.gateway.config.GatewayConfig;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Graceful shutdown in two halves.
 *
 * <p>First, at SIGTERM (Quarkus' pre-shutdown, {@link ShutdownDelayInitiatedEvent}, fired because
 * {@code quarkus.shutdown.delay-enabled=true}): the gateway is draining from that instant, so readiness reports
 * DOWN (the load balancer stops sending) and a new call's webhook is answered 503 (Twilio tries the number's
 * fallback URL). This cannot be left to Quarkus: since Quarkus 3.28 its graceful-shutdown filter serves new
 * requests during the wait (it only adds {@code Connection: close}), where 3.27 answered them 503.
 *
 * <p>Then Quarkus waits, up to {@code quarkus.shutdown.timeout}, for live calls' Media Streams sockets to end
 * (service-support's {@code WebSocketShutdownAccounting} makes those sockets count), and fires
 * {@link ShutdownEvent}: this observer waits up to {@code gateway.drain-grace} more for sessions still ending, so
 * their CallEnded is handed to the Kafka producer before it closes (and flushes).
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

    /** At SIGTERM, before Quarkus waits for live requests: stop taking calls at once. */
    void onShutdownRequested(@Observes ShutdownDelayInitiatedEvent event) {
        begin();
        LOG.infof("Shutdown requested: refusing new calls, %d live calls go on", metrics.activeCalls());
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
