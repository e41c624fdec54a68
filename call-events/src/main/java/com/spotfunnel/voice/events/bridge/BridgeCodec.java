package com.spotfunnel.voice.events.bridge;

import com.spotfunnel.voice.events.serde.ContractJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/** JSON text frames of the gateway-pipeline socket. Reading never throws: a bad frame is empty. */
public final class BridgeCodec {

    private BridgeCodec() {}

    public static String write(GatewayMessage message) {
        return write(message, GatewayMessage.class);
    }

    public static String write(PipelineMessage message) {
        return write(message, PipelineMessage.class);
    }

    /** Written as the interface, so the {@code type} field is always there. */
    private static <T> String write(T message, Class<T> as) {
        try {
            return ContractJson.mapper().writerFor(as).writeValueAsString(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Optional<GatewayMessage> readGatewayMessage(String text) {
        return read(text, GatewayMessage.class);
    }

    public static Optional<PipelineMessage> readPipelineMessage(String text) {
        return read(text, PipelineMessage.class);
    }

    private static <T> Optional<T> read(String text, Class<T> type) {
        try {
            return Optional.ofNullable(ContractJson.mapper().readValue(text, type));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
