package com.spotfunnel.voice.support.events;

import com.spotfunnel.voice.events.CallEvent;
import com.spotfunnel.voice.events.DecodedCallEvent;
import com.spotfunnel.voice.events.EventType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * The front door of every {@code call-events} consumer: hands on the records it can read and skips the rest
 * (unknown type, newer schema, malformed), counting each in {@code call_events_skipped_total{reason,type}}
 * and logging the partition and offset so the record can be found. It never throws, so one bad record
 * never stops a consumer.
 */
@ApplicationScoped
public class CallEventIntake {

    private static final Logger LOG = Logger.getLogger(CallEventIntake.class);

    private final MeterRegistry meters;
    /** One counter per known type, registered once: this runs for every record a projection reads. */
    private final Map<EventType, Counter> consumed = new EnumMap<>(EventType.class);

    public CallEventIntake(MeterRegistry meters) {
        this.meters = meters;
        for (EventType type : EventType.values()) {
            consumed.put(
                    type,
                    Counter.builder("call_events_consumed_total")
                            .tag("type", type.wireName())
                            .description("call-events records read")
                            .register(meters));
        }
    }

    public Optional<CallEvent> accept(ConsumerRecord<String, DecodedCallEvent> record) {
        return accept(record, record.value());
    }

    /** For a channel whose value carries more than the decoded event (the projections keep the raw bytes too). */
    public Optional<CallEvent> accept(ConsumerRecord<?, ?> record, DecodedCallEvent decoded) {
        if (decoded instanceof DecodedCallEvent.Known known) {
            consumed.get(known.event().type()).increment();
            return Optional.of(known.event());
        }
        // CallEventDeserializer never returns null (an empty or null value is a MALFORMED skip).
        DecodedCallEvent.Skipped skipped = (DecodedCallEvent.Skipped) decoded;
        String type = skipped.type() == null ? "none" : skipped.type();
        Counter.builder("call_events_skipped_total")
                .description("call-events records skipped because they could not be read")
                .tag("reason", skipped.reason().tag())
                .tag("type", type)
                .register(meters)
                .increment();
        LOG.warnf(
                "Skipped call-events record at %s-%d offset %d: %s (type %s): %s",
                record.topic(),
                record.partition(),
                record.offset(),
                skipped.reason().tag(),
                type,
                skipped.detail());
        return Optional.empty();
    }
}
