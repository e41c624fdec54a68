package com.spotfunnel.voice.support.startup;

import com.spotfunnel.voice.events.CallEvent;
import com.spotfunnel.voice.events.DecodedCallEvent;
import com.spotfunnel.voice.events.serde.CallEventCodec;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.jboss.logging.Logger;

/**
 * The start-up warm-up of a service that projects {@code call-events} into PostgreSQL (admin-api's analytics,
 * dashboard-api's call log): before readiness goes UP it runs {@code calls} synthetic calls' events
 * ({@link SyntheticCallEvents}) through the record codec and the service's own projection, in batches like a Kafka
 * poll, each batch in a transaction that is always rolled back, so the JIT has compiled the path before the first
 * real call's events arrive and no row of the warm-up remains. Next to each batch the service may run a read of its
 * own ({@code alongside}, e.g. admin-api's knowledge search for the synthetic tenant). Bounded by {@code timeout}:
 * readiness goes UP then even if the warm-up is not done.
 */
public final class ProjectionWarmUp {

    private static final Logger LOG = Logger.getLogger(ProjectionWarmUp.class);

    /** Applies events with the service's projection on the given connection (inside the warm-up's transaction). */
    public interface Projection {
        Uni<?> apply(SqlConnection connection, List<CallEvent> events);
    }

    /** Thrown at the end of every warm-up batch so its transaction is rolled back. */
    private static final class RollBack extends RuntimeException {
        RollBack() {
            super("warm-up batch rolled back", null, false, false);
        }
    }

    /** Synthetic calls per batch (per transaction), like one poll of a busy {@code call-events} partition. */
    static final int CALLS_PER_BATCH = 10;

    private static final int TURNS = 4;

    private final String service;
    private final Pool pool;
    private final int calls;
    private final Duration timeout;
    private final Projection projection;
    private final IntFunction<Uni<?>> alongside;
    private final AtomicLong projected = new AtomicLong();
    private volatile boolean finished;
    private volatile boolean stopped;

    public ProjectionWarmUp(
            String service,
            Pool pool,
            int calls,
            Duration timeout,
            Projection projection,
            IntFunction<Uni<?>> alongside) {
        this.service = service;
        this.pool = pool;
        this.calls = calls;
        this.timeout = timeout;
        this.projection = projection;
        this.alongside = alongside;
    }

    /** Runs the warm-up in the background; {@link #finished()} turns true when it is over. */
    public void start() {
        if (calls <= 0) {
            finished = true;
            return;
        }
        long began = System.nanoTime();
        batch(0).ifNoItem()
                .after(timeout)
                .recoverWithItem(() -> {
                    stopped = true;
                    LOG.warnf(
                            "%s warm-up not done after %s (%d synthetic events projected): taking traffic",
                            service, timeout, projected.get());
                    return null;
                })
                .subscribe()
                .with(
                        done -> {
                            if (!stopped) {
                                LOG.infof(
                                        "%s warm-up: %d synthetic calls, %d events projected and rolled back, in %d ms",
                                        service, calls, projected.get(), (System.nanoTime() - began) / 1_000_000);
                            }
                            finished = true;
                        },
                        failure -> {
                            LOG.warnf(
                                    failure,
                                    "%s warm-up failed (%d synthetic events projected): taking traffic",
                                    service,
                                    projected.get());
                            finished = true;
                        });
    }

    /** Batch {@code from / CALLS_PER_BATCH}, then the next one, one at a time. */
    private Uni<Void> batch(int from) {
        if (from >= calls || stopped) {
            return Uni.createFrom().voidItem();
        }
        int to = Math.min(calls, from + CALLS_PER_BATCH);
        List<CallEvent> events = new ArrayList<>();
        for (int i = from; i < to; i++) {
            for (CallEvent event : SyntheticCallEvents.call(i, TURNS)) {
                // Through the codec, as a consumer receives them.
                if (CallEventCodec.decode(CallEventCodec.encode(event)) instanceof DecodedCallEvent.Known known) {
                    events.add(known.event());
                }
            }
        }
        Uni<Void> rolledBack = pool.withTransaction(connection -> projection
                        .apply(connection, events)
                        .invoke(ignored -> projected.addAndGet(events.size()))
                        .onItem()
                        .failWith(ignored -> new RollBack()))
                .onFailure(RollBack.class)
                .recoverWithNull()
                .replaceWithVoid();
        return Uni.combine()
                .all()
                .unis(rolledBack, alongside.apply(from))
                .discardItems()
                .flatMap(ignored -> batch(to));
    }

    /** True once the warm-up is over (done, failed or timed out), or when there is none. */
    public boolean finished() {
        return finished;
    }

    /** Synthetic events projected (and rolled back) so far. */
    public long projected() {
        return projected.get();
    }
}
