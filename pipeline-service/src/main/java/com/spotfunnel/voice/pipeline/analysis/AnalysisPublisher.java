package com.spotfunnel.voice.pipeline.analysis;

import com.spotfunnel.voice.events.CallEvent;
import com.spotfunnel.voice.events.Topics;
import com.spotfunnel.voice.events.payload.CallAnalyzed;
import com.spotfunnel.voice.pipeline.config.PipelineConfig;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Analyses a finished call and publishes {@code CallAnalyzed} on {@code call-events} (key = callId, a seq far
 * above the gateway's). Runs after the socket closed, off the call's path.
 */
@ApplicationScoped
public class AnalysisPublisher implements FinishedCalls {

    private static final Logger LOG = Logger.getLogger(AnalysisPublisher.class);

    private final CallAnalyzer analyzer;
    private final CallerMemory memory;
    private final MutinyEmitter<CallEvent> events;
    private final PipelineConfig config;
    private final Clock clock;
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();

    public AnalysisPublisher(
            CallAnalyzer analyzer,
            CallerMemory memory,
            @Channel(Topics.CALL_EVENTS) MutinyEmitter<CallEvent> events,
            PipelineConfig config,
            io.micrometer.core.instrument.MeterRegistry meters) {
        this.analyzer = analyzer;
        this.memory = memory;
        this.events = events;
        this.config = config;
        this.clock = Clock.systemUTC();
        meters.gauge("pipeline_analyses_in_flight", inFlight);
    }

    /** Analyses started and not yet published (or given up). */
    public int inFlight() {
        return inFlight.get();
    }

    @Override
    public Uni<Void> publish(FinishedCall call) {
        return Uni.createFrom()
                .voidItem()
                .invoke(inFlight::incrementAndGet)
                .chain(() -> analyzer.analyze(call))
                .call(analyzed -> remember(call, analyzed))
                .chain(analyzed -> send(call, analyzed))
                .onFailure()
                .invoke(failure -> LOG.errorf(
                        "CallAnalyzed for call %s could not be published: %s", call.callId(), failure.toString()))
                .onTermination()
                .invoke(inFlight::decrementAndGet);
    }

    /** Into the caller history; should the database fail, the call is only not remembered (and logged). */
    private Uni<Void> remember(FinishedCall call, CallAnalyzed analyzed) {
        return memory.remember(call.tenantId(), call.callId(), call.callerPhone(), clock.instant(), analyzed)
                .onFailure()
                .recoverWithItem(e -> {
                    LOG.warnf("Call %s could not be added to the caller history: %s", call.callId(), e.toString());
                    return null;
                });
    }

    private Uni<Void> send(FinishedCall call, CallAnalyzed analyzed) {
        CallEvent event =
                CallEvent.of(call.tenantId(), call.callId(), config.analysis().eventSeq(), clock.instant(), analyzed);
        Message<CallEvent> message = Message.of(event)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(call.callId())
                        .build());
        return events.sendMessage(message);
    }
}
