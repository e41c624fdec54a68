package com.spotfunnel.voice.admin.tenants;

import com.spotfunnel.voice.admin.config.AdminConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Drains {@link TenantConfigOutbox} to the compacted {@code tenant-config} topic: right after each change
 * (a nudge) and on a short schedule (which catches up after Kafka or this instance was down). One drainer at a
 * time across instances (an advisory lock held by the drain's transaction), records in id order, each marked
 * published only after Kafka acknowledged it (acks=all, idempotent producer). A crash between the ack and the
 * commit publishes a record again: harmless, since every consumer ignores a version it already has.
 */
@ApplicationScoped
public class TenantConfigRelay {

    private static final Logger LOG = Logger.getLogger(TenantConfigRelay.class);

    private final Pool pool;
    private final TenantConfigOutbox outbox;
    private final TenantConfigPublisher publisher;
    private final AdminConfig config;
    private final Counter published;
    private final Counter failures;

    public TenantConfigRelay(
            Pool pool,
            TenantConfigOutbox outbox,
            TenantConfigPublisher publisher,
            AdminConfig config,
            MeterRegistry meters) {
        this.pool = pool;
        this.outbox = outbox;
        this.publisher = publisher;
        this.config = config;
        this.published = Counter.builder("tenant_config_published_total")
                .description("tenant configs (and tombstones) acknowledged by Kafka")
                .register(meters);
        this.failures = Counter.builder("tenant_config_publish_failures_total")
                .description("outbox drains that failed and will be retried")
                .register(meters);
    }

    /** Starts a drain now without waiting for it; a failure is retried by the schedule. */
    public void nudge() {
        drain().subscribe().with(count -> {}, this::failed);
    }

    @Scheduled(
            every = "${admin.outbox.poll-interval}",
            delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> drainOnSchedule() {
        return drain().onFailure()
                .recoverWithItem(e -> {
                    failed(e);
                    return 0;
                })
                .replaceWithVoid();
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeOnSchedule() {
        return outbox.purgePublished(pool, config.outbox().retention())
                .onFailure()
                .recoverWithItem(0)
                .replaceWithVoid();
    }

    /** @return how many records were published */
    public Uni<Integer> drain() {
        return pool.withTransaction(conn -> outbox.tryLockForDrain(conn)
                .flatMap(locked -> !locked
                        ? Uni.createFrom().item(0)
                        : outbox.pending(conn, config.outbox().batchSize())
                                .flatMap(pending -> Multi.createFrom()
                                        .iterable(pending)
                                        .onItem()
                                        .transformToUniAndConcatenate(record -> publisher
                                                .publish(record.tenantId(), record.payload())
                                                .call(() -> outbox.markPublished(conn, record.id()))
                                                .invoke(() -> published.increment())
                                                .replaceWith(record))
                                        .collect()
                                        .asList()
                                        .map(List::size))));
    }

    private void failed(Throwable e) {
        failures.increment();
        LOG.warnf(
                "Publishing tenant configs failed; the outbox keeps them and the next drain retries: %s", e.toString());
    }
}
