package com.spotfunnel.voice.pipeline.analysis;

import com.spotfunnel.voice.events.DecodedCallEvent;
import com.spotfunnel.voice.events.EventType;
import com.spotfunnel.voice.events.serde.CallEventCodec;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The value deserializer of {@link CallerErasures}' channel: of every {@code call-events} record (14.5 per call
 * measured, docs/benchmarks/voice-load.md, read by every pipeline pod) it parses only those that may be a {@code CallerErased}; the rest are skipped on a byte search,
 * not bound to classes only to be dropped. Like {@code CallEventDeserializer}, it never throws.
 */
public class CallerErasedDeserializer implements Deserializer<DecodedCallEvent> {

    @Override
    public DecodedCallEvent deserialize(String topic, byte[] data) {
        return CallEventCodec.decodeOnly(EventType.CALLER_ERASED, data);
    }
}
