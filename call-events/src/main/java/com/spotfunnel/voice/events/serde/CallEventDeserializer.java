package com.spotfunnel.voice.events.serde;

import com.spotfunnel.voice.events.DecodedCallEvent;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka value deserializer for {@code call-events}. It never throws, so a poison record can never wedge a
 * consumer: unknown types, newer schemas and garbage come out as {@link DecodedCallEvent.Skipped}.
 */
public class CallEventDeserializer implements Deserializer<DecodedCallEvent> {

    @Override
    public DecodedCallEvent deserialize(String topic, byte[] data) {
        return CallEventCodec.decode(data);
    }
}
