package com.spotfunnel.voice.support.events;

import com.spotfunnel.voice.events.CallEvent;
import com.spotfunnel.voice.events.DecodedCallEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
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

    public CallEventIntake(MeterRegistry meters) {
        this.meters = meters;
    }

    public Optional<CallEvent> accept(ConsumerRecord<String, DecodedCallEvent> record) {
        DecodedCallEvent decoded = record.value();
        if (decoded instanceof DecodedCallEvent.Known known) {
            counter("call_events_consumed_total", "type", known.event().type().wireName()).increment();
            return Optional.of(known.event());
        }
        DecodedCallEvent.Skipped skipped = decoded instanceof DecodedCallEvent.Skipped s ? s
                : new DecodedCallEvent.Skipped(DecodedCallEvent.SkipReason.MALFORMED, null, "tombstone");
        String type = skipped.type() == null ? "none" : skipped.type();
        Counter.builder("call_events_skipped_total")
                .description("call-events records skipped because they could not be read")
                .tag("reason", skipped.reason().tag())
                .tag("type", type)
                .register(meters)
                .increment();
        LOG.warnf("Skipped call-events record at %s-%d offset %d: %s (type %s): %s", record.topic(),
                record.partition(), record.offset(), skipped.reason().tag(), type, skipped.detail());
        return Optional.empty();
    }

    private Counter counter(String name, String tag, String value) {
        return Counter.builder(name).tag(tag, value).register(meters);
    }
}
