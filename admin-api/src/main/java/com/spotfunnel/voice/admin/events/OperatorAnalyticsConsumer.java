package com.spotfunnel.voice.admin.events;

import com.spotfunnel.voice.admin.config.AdminConfig;
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
 * Consumes {@code call-events} (group {@code admin-api}) for operator analytics, in batches each applied in one
 * transaction by {@link CallEventProjector}. Retries, poison records (parked in {@code admin.parked_events}) and
 * the {@code analytics_projection_*} meters are service-support's {@link ProjectionConsumer}.
 */
@ApplicationScoped
public class OperatorAnalyticsConsumer {

    private final ProjectionConsumer consumer;

    public OperatorAnalyticsConsumer(
            CallEventIntake intake, CallEventProjector projector, Pool pool, AdminConfig config, MeterRegistry meters) {
        ProjectionSettings settings = new ProjectionSettings(
                "admin-api",
                "analytics",
                config.analytics().retryInitialBackoff(),
                config.analytics().retryMaxBackoff());
        this.consumer = new ProjectionConsumer(
                settings, projector::projectAll, new ParkedRecordsTable(pool, "admin.parked_events"), intake, meters);
    }

    @Incoming(Topics.CALL_EVENTS)
    public Uni<Void> onBatch(ConsumerRecords<String, ReceivedCallEvent> records) {
        return consumer.onBatch(records);
    }
}
