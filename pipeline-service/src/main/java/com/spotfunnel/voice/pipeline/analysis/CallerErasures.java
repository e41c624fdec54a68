package com.spotfunnel.voice.pipeline.analysis;

import com.spotfunnel.voice.events.DecodedCallEvent;
import com.spotfunnel.voice.events.payload.CallerErased;
import com.spotfunnel.voice.pipeline.config.PipelineConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps {@link CallerMemory} within its rules: an operator's {@link CallerErased} (read from {@code call-events},
 * group {@code pipeline-service}: one pod applies each) deletes the caller's history, and every {@code
 * purge-interval} what is past its tenant's retention is deleted (any pod may; deletes are idempotent).
 */
@ApplicationScoped
public class CallerErasures {

    private static final Logger LOG = Logger.getLogger(CallerErasures.class);

    private final CallerMemory memory;
    private final Vertx vertx;
    private final long purgeMillis;
    private long timer = -1;

    public CallerErasures(CallerMemory memory, Vertx vertx, PipelineConfig config) {
        this.memory = memory;
        this.vertx = vertx;
        this.purgeMillis = config.callerHistory().purgeInterval().toMillis();
    }

    /** Other events of the topic are skipped; a failed delete fails the record, which is retried by redelivery. */
    @Incoming("caller-erasures")
    public Uni<Void> onEvent(DecodedCallEvent decoded) {
        if (decoded instanceof DecodedCallEvent.Known known && known.event().payload() instanceof CallerErased erased) {
            String tenantId = known.event().tenantId();
            return memory.forget(tenantId, erased.callerPhoneSha256())
                    .invoke(count -> LOG.infof(
                            "Caller erased for tenant %s (%s): %d remembered calls deleted",
                            tenantId, known.event().callId(), count))
                    .onFailure()
                    .retry()
                    .withBackOff(java.time.Duration.ofMillis(200), java.time.Duration.ofSeconds(10))
                    .indefinitely()
                    .replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }

    void start(@Observes StartupEvent started) {
        timer = vertx.setPeriodic(purgeMillis, purgeMillis, id -> purge());
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Deletes what is past retention now; emits how many rows went (the timer calls it too). */
    public Uni<Integer> purgeNow() {
        return memory.purgeExpired().invoke(count -> {
            if (count > 0) {
                LOG.infof("Caller history: %d calls past retention deleted", count);
            }
        });
    }

    private void purge() {
        purgeNow().subscribe().with(ignored -> {}, e -> LOG.warnf("Caller history purge failed: %s", e.toString()));
    }
}
