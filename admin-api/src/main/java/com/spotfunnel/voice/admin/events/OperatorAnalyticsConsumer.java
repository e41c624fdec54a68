package com.spotfunnel.voice.admin.events;

import com.spotfunnel.voice.events.DecodedCallEvent;
import com.spotfunnel.voice.events.Topics;
import com.spotfunnel.voice.support.events.CallEventIntake;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes {@code call-events} (group {@code admin-api}) for operator analytics. */
@ApplicationScoped
public class OperatorAnalyticsConsumer {

    private final CallEventIntake intake;

    public OperatorAnalyticsConsumer(CallEventIntake intake) {
        this.intake = intake;
    }

    @Incoming(Topics.CALL_EVENTS)
    public void onRecord(ConsumerRecord<String, DecodedCallEvent> record) {
        intake.accept(record);
    }
}
