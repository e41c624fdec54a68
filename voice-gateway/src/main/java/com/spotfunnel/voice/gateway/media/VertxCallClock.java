package com.spotfunnel.voice.gateway.media;

import io.vertx.core.Vertx;
import java.time.Duration;

/** The system's monotonic clock and Vert.x timers (a timer's task runs on an event loop; nothing blocks). */
record VertxCallClock(Vertx vertx) implements CallClock {

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public long setTimer(Duration delay, Runnable task) {
        return vertx.setTimer(Math.max(1, delay.toMillis()), id -> task.run());
    }

    @Override
    public void cancelTimer(long id) {
        vertx.cancelTimer(id);
    }
}
