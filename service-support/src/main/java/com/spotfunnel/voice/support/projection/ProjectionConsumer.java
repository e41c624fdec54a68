package com.spotfunnel.voice.support.projection;

import com.spotfunnel.voice.events.CallEvent;
import com.spotfunnel.voice.events.DecodedCallEvent;
import com.spotfunnel.voice.support.events.CallEventIntake;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The {@code call-events} consumer of every read model (dashboard-api, admin-api): a service's
 * {@code @Incoming} method hands it each batch and returns its {@link Uni}, so the batch is acknowledged (its
 * offsets become committable) only once everything in it is applied or parked.
 *
 * <ul>
 *   <li>A batch is applied in one transaction of the service's {@link Projection}.</li>
 *   <li>A {@link RecordFailure#TRANSIENT transient} failure (PostgreSQL down, busy, lost a race; a timeout) is
 *       retried with back-off, indefinitely: records behind it wait (the connector pauses polling when its queue
 *       is full) and nothing is skipped.</li>
 *   <li>Any other failure means some record in the batch is poison: the batch is applied again one event at a
 *       time, and only the event that fails is parked ({@link ParkingLot}), counted and logged with its offset;
 *       the consumer moves on. A record that cannot be decoded is parked the same way, without being tried.</li>
 * </ul>
 */
public final class ProjectionConsumer {

    private static final Logger LOG = Logger.getLogger(ProjectionConsumer.class);

    private final ProjectionSettings settings;
    private final Projection projection;
    private final ParkingLot parking;
    private final CallEventIntake intake;
    private final ProjectionMeters meters;

    public ProjectionConsumer(
            ProjectionSettings settings,
            Projection projection,
            ParkingLot parking,
            CallEventIntake intake,
            MeterRegistry meters) {
        this.settings = settings;
        this.projection = projection;
        this.parking = parking;
        this.intake = intake;
        this.meters = new ProjectionMeters(meters, settings);
    }

    private record Received(CallEvent event, ConsumerRecord<String, ReceivedCallEvent> record) {}

    public Uni<Void> onBatch(ConsumerRecords<String, ReceivedCallEvent> records) {
        List<Received> events = new ArrayList<>(records.count());
        List<ParkedRecord> malformed = new ArrayList<>();
        for (ConsumerRecord<String, ReceivedCallEvent> record : records) {
            DecodedCallEvent decoded =
                    record.value() == null ? null : record.value().decoded();
            if (decoded == null) {
                malformed.add(parked(record, null, RecordFailure.MALFORMED, "no value"));
                continue;
            }
            // Unknown types and newer schemas are skipped and counted by the intake: newer producers, not poison.
            Optional<CallEvent> event = intake.accept(record, decoded);
            if (event.isPresent()) {
                events.add(new Received(event.get(), record));
            } else if (decoded instanceof DecodedCallEvent.Skipped skipped
                    && skipped.reason() == DecodedCallEvent.SkipReason.MALFORMED) {
                malformed.add(parked(record, null, RecordFailure.MALFORMED, skipped.detail()));
            }
        }
        Uni<Void> done = Uni.createFrom().voidItem();
        for (ParkedRecord record : malformed) {
            done = done.call(() -> park(record));
        }
        return events.isEmpty() ? done : done.call(() -> applyBatch(events));
    }

    private Uni<Void> applyBatch(List<Received> received) {
        List<CallEvent> events = received.stream().map(Received::event).toList();
        return retried(events, "a batch of " + events.size() + " events")
                .invoke(fresh -> meters.applied(events.size(), fresh))
                .replaceWithVoid()
                // Some event in the batch is poison: find it by applying one at a time, park only it.
                .onFailure()
                .recoverWithUni(e -> oneByOne(received));
    }

    private Uni<Void> oneByOne(List<Received> received) {
        Uni<Void> done = Uni.createFrom().voidItem();
        for (Received one : received) {
            done = done.call(() -> retried(
                            List.of(one.event()),
                            one.record().topic() + "-" + one.record().partition() + " offset "
                                    + one.record().offset())
                    .invoke(fresh -> meters.applied(1, fresh))
                    .replaceWithVoid()
                    .onFailure()
                    .recoverWithUni(e -> park(parked(one.record(), one.event(), RecordFailure.of(e), e.toString()))));
        }
        return done;
    }

    /** The projection's write, retried while its failure is transient; what comes out is a poison failure. */
    private Uni<Integer> retried(List<CallEvent> events, String what) {
        // deferred: a retry runs the write again, and a projection that throws instead of failing its Uni is caught
        return retriedWhileTransient(
                Uni.createFrom().deferred(() -> projection.applyAll(events)), "Projection write of " + what);
    }

    /**
     * Parks the record (retrying while the database is unavailable: a poison record is never dropped unseen).
     * Should the parking lot itself refuse the row, the record is logged with its offset and skipped.
     */
    private Uni<Void> park(ParkedRecord record) {
        meters.parked(record.reason());
        CallEvent event = record.event();
        if (event != null) {
            MDC.put("callId", event.callId());
            MDC.put("tenantId", event.tenantId());
        }
        try {
            LOG.errorf(
                    "Parked call-events record at %s (%s, %s): %s",
                    record.where(),
                    event == null ? "not decoded" : event.type().wireName(),
                    record.reason().reason(),
                    record.error());
        } finally {
            MDC.remove("callId");
            MDC.remove("tenantId");
        }
        return retriedWhileTransient(
                        Uni.createFrom().deferred(() -> parking.park(record)),
                        "Parking of the record at " + record.where())
                .onFailure()
                .recoverWithItem(e -> {
                    LOG.errorf("Could not park the call-events record at %s, skipped: %s", record.where(), e);
                    return null;
                });
    }

    private <T> Uni<T> retriedWhileTransient(Uni<T> write, String what) {
        return write.onFailure(e -> !RecordFailure.of(e).poison())
                .invoke(e -> {
                    meters.retried();
                    LOG.warnf("%s failed, retrying: %s", what, e.toString());
                })
                .onFailure(e -> !RecordFailure.of(e).poison())
                .retry()
                .withBackOff(settings.retryInitialBackoff(), settings.retryMaxBackoff())
                .indefinitely();
    }

    private static ParkedRecord parked(
            ConsumerRecord<String, ReceivedCallEvent> record, CallEvent event, RecordFailure reason, String error) {
        return new ParkedRecord(
                record.topic(),
                record.partition(),
                record.offset(),
                record.key(),
                record.value() == null ? null : record.value().raw(),
                reason,
                error,
                event);
    }
}
