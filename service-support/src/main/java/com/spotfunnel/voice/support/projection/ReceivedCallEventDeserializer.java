package com.spotfunnel.voice.support.projection;

import com.spotfunnel.voice.events.serde.CallEventCodec;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka value deserializer of the projections' {@code call-events} channel: the decoded event (never throws,
 * as {@code CallEventDeserializer}) together with the bytes it came from.
 */
public class ReceivedCallEventDeserializer implements Deserializer<ReceivedCallEvent> {

    @Override
    public ReceivedCallEvent deserialize(String topic, byte[] data) {
        return new ReceivedCallEvent(CallEventCodec.decode(data), data);
    }
}
