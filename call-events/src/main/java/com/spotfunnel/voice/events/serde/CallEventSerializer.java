package com.spotfunnel.voice.events.serde;

import com.spotfunnel.voice.events.CallEvent;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka value serializer for {@code call-events}: {@code value.serializer=} this class. */
public class CallEventSerializer implements Serializer<CallEvent> {

    @Override
    public byte[] serialize(String topic, CallEvent event) {
        return event == null ? null : CallEventCodec.encode(event);
    }
}
