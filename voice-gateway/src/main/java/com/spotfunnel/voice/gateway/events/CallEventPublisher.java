package com.spotfunnel.voice.gateway.events;

import com.spotfunnel.voice.events.CallEvent;
import com.spotfunnel.voice.events.Topics;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Publishes a call's events to {@code call-events}, keyed by callId so each call stays in order. */
@ApplicationScoped
public class CallEventPublisher {

    private final MutinyEmitter<Record<String, CallEvent>> emitter;

    public CallEventPublisher(@Channel(Topics.CALL_EVENTS) MutinyEmitter<Record<String, CallEvent>> emitter) {
        this.emitter = emitter;
    }

    /** Completes once the broker has the event (acks=all). */
    public Uni<Void> publish(CallEvent event) {
        return emitter.send(Record.of(event.key(), event));
    }
}
