package com.spotfunnel.voice.gateway.ops;

import com.spotfunnel.voice.events.Topics;
import com.spotfunnel.voice.gateway.config.GatewayConfig;
import com.spotfunnel.voice.support.tenants.TenantConfigConsumer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.jboss.logging.Logger;

/**
 * Whether this instance has read {@code tenant-config} far enough to answer calls ({@link TenantConfigReadiness}).
 * Readiness is DOWN until this instance has read {@code tenant-config} up to the end offsets the topic had when it
 * started: before that the registry may lack a tenant, and a caller of that tenant's number would hear "not in
 * service". Once caught up it stays caught up (later records arrive live; a Kafka outage afterwards does not make the
 * gateway unready, see docs/voice-gateway.md "Producer"). The end offsets are asked for on a thread of its own,
 * retried every {@code gateway.tenant-config-retry} until the broker answers; a topic that does not exist yet has
 * nothing to read.
 */
@ApplicationScoped
public class TenantConfigCatchUp {

    private static final Logger LOG = Logger.getLogger(TenantConfigCatchUp.class);

    private final TenantConfigConsumer consumer;
    private final Map<String, Object> kafka;
    private final GatewayConfig config;
    private volatile Map<Integer, Long> endOffsetsAtStart;
    private volatile boolean caughtUp;
    private volatile boolean stopping;

    public TenantConfigCatchUp(
            TenantConfigConsumer consumer,
            @Identifier("default-kafka-broker") Map<String, Object> kafka,
            GatewayConfig config) {
        this.consumer = consumer;
        this.kafka = kafka;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        Thread reader = new Thread(this::readEndOffsets, "tenant-config-end-offsets");
        reader.setDaemon(true);
        reader.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** Whether the topic's end offsets at start are known yet. */
    public boolean endOffsetsKnown() {
        return endOffsetsAtStart != null;
    }

    /** Whether every tenant published before this instance started is in its registry. */
    public boolean caughtUp() {
        if (caughtUp) {
            return true;
        }
        Map<Integer, Long> ends = endOffsetsAtStart;
        if (ends == null) {
            return false;
        }
        boolean all = ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
        if (all) {
            caughtUp = true;
            LOG.infof("tenant-config read up to its end offsets at start %s: ready for calls", ends);
        }
        return all;
    }

    private void readEndOffsets() {
        while (!stopping && endOffsetsAtStart == null) {
            try {
                endOffsetsAtStart = endOffsets();
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    return;
                }
                LOG.warnf(
                        "Cannot read tenant-config's end offsets yet (%s); retrying in %s",
                        e.getMessage(), config.tenantConfigRetry());
                try {
                    Thread.sleep(config.tenantConfigRetry().toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private Map<Integer, Long> endOffsets() throws InterruptedException, ExecutionException {
        Map<String, Object> settings = new HashMap<>();
        kafka.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                settings.put(key, value);
            }
        });
        int timeoutMs = (int) config.tenantConfigRetry().multipliedBy(5).toMillis();
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        try (Admin admin = Admin.create(settings)) {
            TopicDescription topic;
            try {
                topic = admin.describeTopics(List.of(Topics.TENANT_CONFIG))
                        .allTopicNames()
                        .get(timeoutMs, TimeUnit.MILLISECONDS)
                        .get(Topics.TENANT_CONFIG);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                    return Map.of(); // no tenant was ever published: nothing to wait for
                }
                throw e;
            } catch (java.util.concurrent.TimeoutException e) {
                throw new ExecutionException(e);
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            topic.partitions()
                    .forEach(p ->
                            latest.put(new TopicPartition(Topics.TENANT_CONFIG, p.partition()), OffsetSpec.latest()));
            Map<Integer, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp.partition(), info.offset()));
            return Map.copyOf(ends);
        }
    }
}
