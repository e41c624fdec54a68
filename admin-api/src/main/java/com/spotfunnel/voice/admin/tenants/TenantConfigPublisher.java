package com.spotfunnel.voice.admin.tenants;

import com.spotfunnel.voice.events.Topics;
import com.spotfunnel.voice.events.tenant.TenantConfig;
import com.spotfunnel.voice.events.tenant.TenantConfigCodec;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Publishes each tenant's whole current configuration to the compacted {@code tenant-config} topic. */
@ApplicationScoped
public class TenantConfigPublisher {

    private final MutinyEmitter<Record<String, byte[]>> emitter;

    public TenantConfigPublisher(@Channel(Topics.TENANT_CONFIG) MutinyEmitter<Record<String, byte[]>> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> publish(TenantConfig config) {
        return emitter.send(Record.of(config.tenantId(), TenantConfigCodec.encode(config)));
    }

    /** Already-encoded config bytes (from the outbox); null is a tombstone. */
    public Uni<Void> publish(String tenantId, byte[] encodedConfig) {
        return emitter.send(Record.of(tenantId, encodedConfig));
    }

    /** A tombstone: compaction then forgets the tenant, and every registry drops it. */
    public Uni<Void> publishDeletion(String tenantId) {
        return emitter.send(Record.of(tenantId, null));
    }
}
