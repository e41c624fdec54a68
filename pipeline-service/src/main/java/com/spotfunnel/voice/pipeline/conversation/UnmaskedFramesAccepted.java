package com.spotfunnel.voice.pipeline.conversation;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The call sockets accept unmasked frames from voice-gateway ({@code gateway.pipeline-unmasked-frames}). Masking
 * (RFC 6455 §5.3) protects proxies in front of a browser; between our own services, XOR-ing every 20 ms caller frame
 * was the largest CPU cost of the gateway (docs/benchmarks/voice-load.md). Masked frames are still accepted, so a
 * gateway that masks keeps working. Who may open a call socket is decided by its signed call token, not by this.
 */
@ApplicationScoped
public class UnmaskedFramesAccepted implements HttpServerOptionsCustomizer {

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setAcceptUnmaskedFrames(true);
    }

    @Override
    public void customizeHttpsServer(HttpServerOptions options) {
        options.setAcceptUnmaskedFrames(true);
    }
}
