package com.spotfunnel.voice.support.tenants;

import com.spotfunnel.voice.events.Topics;
import com.spotfunnel.voice.events.tenant.TenantConfig;
import com.spotfunnel.voice.events.tenant.TenantConfigCodec;
import com.spotfunnel.voice.events.tenant.TenantRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps this service's {@link TenantRegistry} current from the compacted {@code tenant-config} topic, read
 * from the start at every boot and live after. Switched on by the build property
 * {@code spotfunnel.tenant-registry.enabled=true} (voice-gateway, pipeline-service), with the
 * {@code tenant-config} incoming channel configured as their application.properties show.
 */
@ApplicationScoped
@IfBuildProperty(name = "spotfunnel.tenant-registry.enabled", stringValue = "true")
public class TenantConfigConsumer {

    private static final Logger LOG = Logger.getLogger(TenantConfigConsumer.class);

    private final TenantRegistry registry = new TenantRegistry();
    private final Counter unreadable;
    /** Per partition, the offset after the last record applied (read or skipped): how far this instance has read. */
    private final Map<Integer, Long> positions = new ConcurrentHashMap<>();

    public TenantConfigConsumer(MeterRegistry meters) {
        Gauge.builder("tenants_known", registry, TenantRegistry::size)
                .description("tenants in this instance's in-memory registry")
                .register(meters);
        unreadable = Counter.builder("tenant_config_skipped_total")
                .description("tenant-config records that could not be read")
                .register(meters);
    }

    @Produces
    @ApplicationScoped
    TenantRegistry registry() {
        return registry;
    }

    @Incoming(Topics.TENANT_CONFIG)
    public void onRecord(ConsumerRecord<String, byte[]> record) {
        try {
            Optional<TenantConfig> config = TenantConfigCodec.decode(record.value());
            if (config.isPresent()) {
                registry.apply(config.get());
            } else if (record.key() != null) {
                registry.remove(record.key());
            }
        } catch (IllegalArgumentException e) {
            unreadable.increment();
            LOG.warnf(
                    "Skipped tenant-config record at partition %d offset %d: %s",
                    record.partition(), record.offset(), e.getMessage());
        }
        positions.merge(record.partition(), record.offset() + 1, Math::max);
    }

    /**
     * The offset after the last record of {@code partition} this instance has applied, 0 before the first: compared
     * with the topic's end offsets it tells whether the registry holds everything published so far.
     */
    public long position(int partition) {
        return positions.getOrDefault(partition, 0L);
    }
}
