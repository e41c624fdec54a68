package com.spotfunnel.voice.gateway.ops;

import com.spotfunnel.voice.gateway.config.GatewayConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.util.concurrent.EventExecutor;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Measures {@link EventLoopLag} on every Vert.x event loop: a one-shot timer on the loop itself, re-armed when it
 * fires (one-shot, so a late tick is never followed by catch-up ticks that would look early). A Vert.x timer is
 * exactly such a task on its context's Netty loop; scheduling on each loop of {@code nettyEventLoopGroup()} directly
 * is what makes sure every loop is measured, not whichever one a new context lands on. Nothing sleeps or blocks:
 * the tick records a number and re-arms. Exported as {@code gateway_event_loop_lag_seconds}; {@link Admission}
 * refuses new calls while it is at or above {@code gateway.admission.max-event-loop-lag}.
 */
@ApplicationScoped
public class EventLoopLagProbe {

    private final List<EventExecutor> loops = new ArrayList<>();
    private final long intervalNanos;
    private final EventLoopLag lag;
    private volatile boolean stopped;

    public EventLoopLagProbe(Vertx vertx, GatewayConfig config, MeterRegistry meters) {
        vertx.nettyEventLoopGroup().forEach(loops::add);
        GatewayConfig.Admission admission = config.admission();
        this.intervalNanos = admission.lagProbeInterval().toNanos();
        this.lag = new EventLoopLag(
                loops.size(), intervalNanos, admission.lagWindow().toNanos());
        Gauge.builder("gateway_event_loop_lag_seconds", this, probe -> probe.lagNanos() / 1e9)
                .description("how late the slowest event loop runs: 90th percentile of its probe ticks' lateness over"
                        + " gateway.admission.lag-window, or its overdue tick")
                .baseUnit("seconds")
                .register(meters);
    }

    void start(@Observes StartupEvent ignored) {
        if (intervalNanos > 0) {
            for (int i = 0; i < loops.size(); i++) {
                arm(i);
            }
        }
    }

    void stop(@Observes ShutdownEvent ignored) {
        stopped = true;
    }

    /** The lag now, in nanoseconds. */
    public long lagNanos() {
        return lag.lagNanos(System.nanoTime());
    }

    private void arm(int loop) {
        if (stopped) {
            return;
        }
        lag.scheduled(loop, System.nanoTime());
        try {
            loops.get(loop)
                    .schedule(
                            () -> {
                                lag.fired(loop, System.nanoTime());
                                arm(loop);
                            },
                            intervalNanos,
                            TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            stopped = true;
        }
    }
}
