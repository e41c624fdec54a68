package com.spotfunnel.voice.admin.events;

import com.spotfunnel.voice.admin.config.AdminConfig;
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
import org.jboss.logging.MDC;

/**
 * Consumes {@code call-events} (group {@code admin-api}) for operator analytics. The record is acknowledged
 * only when the returned Uni completes, i.e. after the projection's transaction committed. While PostgreSQL is
 * unavailable the projection is retried with backoff until it succeeds, so nothing is lost when it blinks; an
 * event PostgreSQL refuses as data (SQL state class 22/23) is skipped and counted instead of blocking the
 * partition for ever.
 */
@ApplicationScoped
public class OperatorAnalyticsConsumer {

    private static final Logger LOG = Logger.getLogger(OperatorAnalyticsConsumer.class);

    private final CallEventIntake intake;
    private final CallEventProjector projector;
    private final AdminConfig config;
    private final Counter refused;
    private final Counter retries;

    public OperatorAnalyticsConsumer(CallEventIntake intake, CallEventProjector projector, AdminConfig config,
            MeterRegistry meters) {
        this.intake = intake;
        this.projector = projector;
        this.config = config;
        this.refused = Counter.builder("analytics_events_refused_total")
                .description("call events the analytics projection could not store as data").register(meters);
        this.retries = Counter.builder("analytics_projection_retries_total")
                .description("analytics projection writes retried (PostgreSQL unavailable)").register(meters);
    }

    @Incoming(Topics.CALL_EVENTS)
    public Uni<Void> onRecord(ConsumerRecord<String, DecodedCallEvent> record) {
        Optional<CallEvent> event = intake.accept(record);
        if (event.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        CallEvent callEvent = event.get();
        return projector.project(callEvent)
                .onFailure(OperatorAnalyticsConsumer::transient_).invoke(e -> {
                    retries.increment();
                    LOG.warnf("Analytics projection of %s for call %s failed, retrying: %s",
                            callEvent.type().wireName(), callEvent.callId(), e.toString());
                })
                .onFailure(OperatorAnalyticsConsumer::transient_).retry()
                .withBackOff(config.analytics().retryInitialBackoff(), config.analytics().retryMaxBackoff())
                .indefinitely()
                .onFailure().recoverWithUni(e -> {
                    refused.increment();
                    MDC.put("callId", callEvent.callId());
                    MDC.put("tenantId", callEvent.tenantId());
                    LOG.errorf("Skipped %s event %s: PostgreSQL refused it: %s", callEvent.type().wireName(),
                            callEvent.eventId(), e.getMessage());
                    MDC.remove("callId");
                    MDC.remove("tenantId");
                    return Uni.createFrom().voidItem();
                });
    }

    private static boolean transient_(Throwable e) {
        if (e instanceof PgException pg && pg.getSqlState() != null) {
            return !(pg.getSqlState().startsWith("22") || pg.getSqlState().startsWith("23"));
        }
        // A bug in the projection would fail again on every retry.
        return !(e instanceof NullPointerException || e instanceof IllegalArgumentException
                || e instanceof ClassCastException);
    }
}
