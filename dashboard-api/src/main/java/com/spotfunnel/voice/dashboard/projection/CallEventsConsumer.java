package com.spotfunnel.voice.dashboard.projection;

import com.spotfunnel.voice.dashboard.config.DashboardConfig;
import com.spotfunnel.voice.events.Topics;
import com.spotfunnel.voice.support.events.CallEventIntake;
import com.spotfunnel.voice.support.projection.ParkedRecordsTable;
import com.spotfunnel.voice.support.projection.ProjectionConsumer;
import com.spotfunnel.voice.support.projection.ProjectionSettings;
import com.spotfunnel.voice.support.projection.ReceivedCallEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code call-events} (group {@code dashboard-api}) into the dashboard's read model, in batches (one
 * poll, up to {@code max.poll.records}) each written in one transaction by {@link ProjectionWriter}. Retries,
 * poison records (parked in {@code dashboard.parked_events}) and the {@code dashboard_projection_*} meters are
 * service-support's {@link ProjectionConsumer}.
 */
@ApplicationScoped
public class CallEventsConsumer {

    private final ProjectionConsumer consumer;

    public CallEventsConsumer(
            CallEventIntake intake, ProjectionWriter writer, Pool pool, DashboardConfig config, MeterRegistry meters) {
        ProjectionSettings settings = new ProjectionSettings(
                "dashboard-api",
                "dashboard",
                config.projection().retryInitialBackoff(),
                config.projection().retryMaxBackoff());
        this.consumer = new ProjectionConsumer(
                settings, writer::applyAll, new ParkedRecordsTable(pool, "dashboard.parked_events"), intake, meters);
    }

    @Incoming(Topics.CALL_EVENTS)
    public Uni<Void> onBatch(ConsumerRecords<String, ReceivedCallEvent> records) {
        return consumer.onBatch(records);
    }
}
