package com.spotfunnel.voice.dashboard.projection;

import com.spotfunnel.voice.dashboard.config.DashboardConfig;
import com.spotfunnel.voice.events.CallEvent;
import com.spotfunnel.voice.events.DecodedCallEvent;
import com.spotfunnel.voice.events.Topics;
import com.spotfunnel.voice.support.events.CallEventIntake;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Consumes {@code call-events} (group {@code dashboard-api}) into the dashboard's read model.
 *
 * <p>Records come in batches (one poll, up to {@code max.poll.records}), written in one transaction. The
 * method returns a {@link Uni}, so the batch is acknowledged (and its offsets become committable) only once
 * that transaction has committed. While PostgreSQL cannot be reached the write is
 * retried with back-off, indefinitely: records behind it wait (the connector pauses polling when its
 * queue is full) and nothing is skipped. A record PostgreSQL refuses as data (SQL state class 22 or 23)
 * would fail forever, so it is skipped, counted and logged with its offset instead.
 */
@ApplicationScoped
public class CallEventsConsumer {

    private static final Logger LOG = Logger.getLogger(CallEventsConsumer.class);

    private final CallEventIntake intake;
    private final ProjectionWriter writer;
    private final DashboardConfig config;
    private final Counter applied;
    private final Counter duplicates;
    private final Counter retries;
    private final Counter rejected;

    public CallEventsConsumer(CallEventIntake intake, ProjectionWriter writer, DashboardConfig config,
            MeterRegistry meters) {
        this.intake = intake;
        this.writer = writer;
        this.config = config;
        this.applied = counter(meters, "dashboard_projection_events_total", "outcome", "applied");
        this.duplicates = counter(meters, "dashboard_projection_events_total", "outcome", "duplicate");
        this.rejected = counter(meters, "dashboard_projection_events_total", "outcome", "rejected");
        this.retries = Counter.builder("dashboard_projection_retries_total")
                .description("database writes of the projection retried (PostgreSQL unavailable)")
                .register(meters);
    }

    @Incoming(Topics.CALL_EVENTS)
    public Uni<Void> onBatch(ConsumerRecords<String, DecodedCallEvent> records) {
        List<CallEvent> events = new ArrayList<>(records.count());
        Map<UUID, ConsumerRecord<String, DecodedCallEvent>> origins = new HashMap<>();
        for (ConsumerRecord<String, DecodedCallEvent> record : records) {
            intake.accept(record).ifPresent(event -> {
                events.add(event);
                origins.putIfAbsent(event.eventId(), record);
            });
        }
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return retried(writer.applyAll(events), "batch of " + events.size() + " events")
                .invoke(applied -> count(events.size(), applied))
                .replaceWithVoid()
                // PostgreSQL refused some event's data: find it by applying one at a time, skip only it.
                .onFailure().recoverWithUni(e -> oneByOne(events, origins));
    }

    private Uni<Void> oneByOne(List<CallEvent> events, Map<UUID, ConsumerRecord<String, DecodedCallEvent>> origins) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (CallEvent event : events) {
            ConsumerRecord<String, DecodedCallEvent> record = origins.get(event.eventId());
            chain = chain.flatMap(ignored -> retried(writer.applyAll(List.of(event)), where(record))
                    .invoke(applied -> count(1, applied))
                    .onFailure().recoverWithItem(e -> {
                        rejected.increment();
                        MDC.put("callId", event.callId());
                        MDC.put("tenantId", event.tenantId());
                        try {
                            LOG.errorf("Skipped call-events record at %s: the database refused it: %s",
                                    where(record), e.getMessage());
                        } finally {
                            MDC.remove("callId");
                            MDC.remove("tenantId");
                        }
                        return 0;
                    })
                    .replaceWithVoid());
        }
        return chain;
    }

    /**
     * Retries while the failure is not PostgreSQL refusing the data: the batch stays unacknowledged (so its
     * offsets stay uncommitted) and everything behind it waits.
     */
    private Uni<Integer> retried(Uni<Integer> write, String what) {
        return write
                .onFailure(CallEventsConsumer::isTransient).invoke(e -> {
                    retries.increment();
                    LOG.warnf("Projection write of %s failed, retrying: %s", what, e.toString());
                })
                .onFailure(CallEventsConsumer::isTransient).retry()
                .withBackOff(config.projection().retryInitialBackoff(), config.projection().retryMaxBackoff())
                .indefinitely();
    }

    private void count(int events, int applied) {
        this.applied.increment(applied);
        duplicates.increment(events - applied);
    }

    private static String where(ConsumerRecord<String, DecodedCallEvent> record) {
        return record.topic() + "-" + record.partition() + " offset " + record.offset();
    }

    /** Anything but PostgreSQL refusing the data itself is worth another try. */
    static boolean isTransient(Throwable failure) {
        if (failure instanceof PgException pg && pg.getSqlState() != null) {
            String sqlClass = pg.getSqlState().substring(0, 2);
            return !sqlClass.equals("22") && !sqlClass.equals("23");
        }
        return true;
    }

    private static Counter counter(MeterRegistry meters, String name, String tag, String value) {
        return Counter.builder(name).description("call events written to the dashboard's read model")
                .tag(tag, value).register(meters);
    }
}
