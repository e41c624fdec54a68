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
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code call-events} (group {@code dashboard-api}) into the dashboard's read model.
 *
 * <p>The method returns a {@link Uni}, so a record is acknowledged (and its offset becomes committable)
 * only once its database transaction has committed. While PostgreSQL cannot be reached the write is
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
    public Uni<Void> onRecord(ConsumerRecord<String, DecodedCallEvent> record) {
        Optional<CallEvent> event = intake.accept(record);
        if (event.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return writer.apply(event.get())
                .onFailure(CallEventsConsumer::isTransient).invoke(e -> {
                    retries.increment();
                    LOG.warnf("Projection write failed for call-events %d-%d, retrying: %s", record.partition(),
                            record.offset(), e.toString());
                })
                .onFailure(CallEventsConsumer::isTransient).retry()
                .withBackOff(config.projection().retryInitialBackoff(), config.projection().retryMaxBackoff())
                .indefinitely()
                .onItem().invoke(wasNew -> (wasNew ? applied : duplicates).increment())
                .onFailure().recoverWithItem(e -> {
                    rejected.increment();
                    LOG.errorf("Skipped call-events record at %s-%d offset %d: the database refused it: %s",
                            record.topic(), record.partition(), record.offset(), e.getMessage());
                    return false;
                })
                .replaceWithVoid();
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
