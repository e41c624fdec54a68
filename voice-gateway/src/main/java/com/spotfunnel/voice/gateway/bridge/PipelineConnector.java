package com.spotfunnel.voice.gateway.bridge;

import com.spotfunnel.voice.events.bridge.BridgeCodec;
import com.spotfunnel.voice.events.bridge.CallToken;
import com.spotfunnel.voice.events.bridge.GatewayMessage;
import com.spotfunnel.voice.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Opens a call's socket to pipeline-service at {@code {gateway.pipeline-url}/calls/{callId}} and sends
 * {@link GatewayMessage.CallStart} first. Non-blocking; events reach the {@link BridgeListener} on the
 * event loop of the caller's context. The upgrade request carries the call's {@link CallToken}, which the pipeline
 * checks before the socket opens and holds the {@code CallStart} to.
 */
@ApplicationScoped
public class PipelineConnector implements PipelineDialer {

    private final GatewayConfig config;
    private final WebSocketClient client;
    private final URI base;
    private final CallToken tokens;
    private final PipelineBusy busy;

    public PipelineConnector(GatewayConfig config, Vertx vertx, PipelineBusy busy) {
        this.config = config;
        this.busy = busy;
        this.base = URI.create(config.pipelineUrl());
        this.tokens = new CallToken(config.callTokenSecret());
        boolean tls = "wss".equalsIgnoreCase(base.getScheme()) || "https".equalsIgnoreCase(base.getScheme());
        this.client = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setSsl(tls)
                .setConnectTimeout((int) config.pipelineConnectTimeout().toMillis())
                .setMaxConnections(config.pipelineMaxConnections())
                .setSendUnmaskedFrames(config.pipelineUnmaskedFrames())
                .setMaxFrameSize(1 << 20)
                .setMaxMessageSize(4 << 20));
    }

    public PipelineBridge connect(GatewayMessage.CallStart start, BridgeListener listener) {
        PipelineBridge bridge = new PipelineBridge(config.media().maxBufferedFrames());
        bridge.send(start);
        boolean tls = "wss".equalsIgnoreCase(base.getScheme()) || "https".equalsIgnoreCase(base.getScheme());
        int port = base.getPort() > 0 ? base.getPort() : (tls ? 443 : 80);
        String prefix = base.getPath() == null ? "" : base.getPath().replaceAll("/$", "");
        WebSocketConnectOptions options = new WebSocketConnectOptions()
                .setHost(base.getHost())
                .setPort(port)
                .setSsl(tls)
                .setURI(prefix + "/calls/" + URLEncoder.encode(start.callId(), StandardCharsets.UTF_8))
                .setConnectTimeout(config.pipelineConnectTimeout().toMillis())
                .addHeader(CallToken.HEADER, tokens.mint(start, Instant.now(), config.callTokenTtl()))
                .setIdleTimeout(0);
        client.connect(options).onComplete(result -> {
            if (result.failed()) {
                boolean refused = atCapacity(result.cause());
                if (refused) {
                    busy.refused();
                }
                if (!bridge.isClosed()) {
                    listener.onBridgeBroken(refused ? PipelineLink.PIPELINE_BUSY : "connect_failed");
                }
                return;
            }
            var socket = result.result();
            socket.textMessageHandler(text -> BridgeCodec.readPipelineMessage(text)
                    .ifPresentOrElse(listener::onPipelineMessage, listener::onBadPipelineFrame));
            socket.closeHandler(ignored -> {
                if (!bridge.isClosed()) {
                    listener.onBridgeBroken("closed");
                }
            });
            socket.exceptionHandler(error -> {
                if (!bridge.isClosed()) {
                    listener.onBridgeBroken("error");
                }
            });
            bridge.opened(socket);
        });
        return bridge;
    }

    /** pipeline-service answers the upgrade 503 when it is at its live-conversation limit (its CallTokenCheck). */
    private static boolean atCapacity(Throwable cause) {
        return cause instanceof UpgradeRejectedException rejected && rejected.getStatus() == 503;
    }
}
