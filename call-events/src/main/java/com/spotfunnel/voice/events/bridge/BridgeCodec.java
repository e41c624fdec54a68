package com.spotfunnel.voice.events.bridge;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.spotfunnel.voice.events.serde.ContractJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/** JSON text frames of the gateway-pipeline socket. Reading never throws: a bad frame is empty. */
public final class BridgeCodec {

    // Built once: agent audio and control cross the socket several times a second per call. Written as the
    // interface, so the {@code type} field is always there.
    private static final ObjectWriter GATEWAY_WRITER = ContractJson.mapper().writerFor(GatewayMessage.class);
    private static final ObjectWriter PIPELINE_WRITER = ContractJson.mapper().writerFor(PipelineMessage.class);
    private static final ObjectReader GATEWAY_READER = ContractJson.mapper().readerFor(GatewayMessage.class);
    private static final ObjectReader PIPELINE_READER = ContractJson.mapper().readerFor(PipelineMessage.class);

    private BridgeCodec() {}

    public static String write(GatewayMessage message) {
        return write(GATEWAY_WRITER, message);
    }

    public static String write(PipelineMessage message) {
        return write(PIPELINE_WRITER, message);
    }

    private static String write(ObjectWriter writer, Object message) {
        try {
            return writer.writeValueAsString(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Optional<GatewayMessage> readGatewayMessage(String text) {
        return read(GATEWAY_READER, text);
    }

    public static Optional<PipelineMessage> readPipelineMessage(String text) {
        return read(PIPELINE_READER, text);
    }

    private static <T> Optional<T> read(ObjectReader reader, String text) {
        try {
            return Optional.ofNullable(reader.readValue(text));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
