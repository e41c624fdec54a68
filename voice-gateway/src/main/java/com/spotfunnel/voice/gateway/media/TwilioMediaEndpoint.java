package com.spotfunnel.voice.gateway.media;

import com.spotfunnel.voice.gateway.config.GatewayConfig;
import com.spotfunnel.voice.gateway.ops.GatewayMetrics;
import com.spotfunnel.voice.support.websocket.OversizedMessage;
import com.spotfunnel.voice.support.websocket.TurnAudio;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.NonBlocking;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Twilio Media Streams ({@code wss://…/twilio/media}): connected, start, media, mark, dtmf and stop in;
 * media, mark and clear out (through {@link CallSession}). Everything runs on the connection's event loop
 * and never blocks. A malformed message is counted in {@code gateway_media_rejected_total{reason}}, logged,
 * and dropped: it never ends its own call, let alone another.
 */
@WebSocket(path = "/twilio/media")
public class TwilioMediaEndpoint {

    private static final Logger LOG = Logger.getLogger(TwilioMediaEndpoint.class);

    private final CallSessions sessions;
    private final StreamStartCheck startCheck;
    private final GatewayMetrics metrics;
    private static final int LOGGED_REJECTIONS = 5;

    private final int maxFrameBytes;
    private final Map<String, AtomicInteger> rejections = new ConcurrentHashMap<>();

    public TwilioMediaEndpoint(
            CallSessions sessions, StreamStartCheck startCheck, GatewayMetrics metrics, GatewayConfig config) {
        this.sessions = sessions;
        this.startCheck = startCheck;
        this.metrics = metrics;
        this.maxFrameBytes = config.media().maxFrameBytes();
    }

    @OnTextMessage
    @NonBlocking
    public void onText(String text, WebSocketConnection connection) {
        // Twilio's JSON is ASCII: characters are bytes (a multi-byte frame only gets a little more room).
        if (text.length() > maxFrameBytes) {
            reject(connection, "oversized");
            return;
        }
        TwilioFrame frame = MediaCodec.read(text);
        Optional<CallSession> session = sessions.byConnection(connection.id());
        if (frame instanceof TwilioFrame.Rejected rejected) {
            reject(connection, rejected.reason());
        } else if (frame instanceof TwilioFrame.Connected) {
            LOG.debugf("Media stream %s connected", connection.id());
        } else if (frame instanceof TwilioFrame.Start start) {
            start(start, connection, session);
        } else if (session.isEmpty()) {
            reject(connection, "before_start");
        } else if (!session.get().call().streamSid().equals(streamSidOf(frame))) {
            reject(connection, "wrong_stream_sid");
        } else {
            dispatch(frame, session.get());
        }
    }

    private void dispatch(TwilioFrame frame, CallSession session) {
        if (frame instanceof TwilioFrame.Media media) {
            session.callerAudio(media.audio());
        } else if (frame instanceof TwilioFrame.Mark mark) {
            session.markEchoed(mark.name());
        } else if (frame instanceof TwilioFrame.Dtmf dtmf) {
            session.dtmf(dtmf.digit());
        } else if (frame instanceof TwilioFrame.Stop) {
            session.streamEnded("caller_hangup");
        }
    }

    private void start(TwilioFrame.Start start, WebSocketConnection connection, Optional<CallSession> existing) {
        if (existing.isPresent()) {
            reject(connection, "duplicate_start");
            return;
        }
        // Forged, altered, expired or replayed parameters: no call, nothing published, the stream closed.
        StreamStartCheck.Admission admission = startCheck.admit(start, Instant.now());
        if (admission.refusal() != null) {
            reject(connection, admission.refusal());
            connection.close().subscribe().with(ok -> {}, err -> {});
            return;
        }
        if (admission.resume()) {
            if (!sessions.resume(connection.id(), admission, link(connection, start.streamSid()))) {
                // no call of this pod waits for this stream (already over, or never here)
                reject(connection, "unexpected_resume");
                connection.close().subscribe().with(ok -> {}, err -> {});
            }
            return;
        }
        sessions.start(connection.id(), admission.call(), link(connection, start.streamSid()));
    }

    @OnBinaryMessage
    @NonBlocking
    public void onBinary(Buffer ignored, WebSocketConnection connection) {
        reject(connection, "binary_frame");
    }

    @OnClose
    @NonBlocking
    public void onClose(WebSocketConnection connection) {
        rejections.remove(connection.id());
        sessions.byConnection(connection.id()).ifPresent(session -> session.streamEnded("caller_hangup"));
    }

    @OnError
    @NonBlocking
    public void onError(Throwable error, WebSocketConnection connection) {
        Optional<CallSession> session = sessions.byConnection(connection.id());
        if (error instanceof io.vertx.core.http.HttpClosedException || !connection.isOpen()) {
            // The caller's line dropped without a stop: a hang-up, not a failure.
            LOG.debugf("Media stream %s closed abruptly", connection.id());
            session.ifPresent(s -> s.streamEnded("caller_hangup"));
            return;
        }
        if (OversizedMessage.is(error)) {
            // Vert.x stopped buffering at the limit but left the socket open: close it (onClose ends the call).
            reject(connection, "oversized_message");
            connection
                    .close(new CloseReason(OversizedMessage.CLOSE_CODE, "message too big"))
                    .subscribe()
                    .with(
                            ok -> {},
                            failure -> LOG.debugf("Media stream %s: close failed: %s", connection.id(), failure));
            return;
        }
        LOG.errorf(error, "Unexpected error on media stream %s", connection.id());
        metrics.mediaRejected("error");
        session.ifPresent(s -> s.unexpectedError(error));
    }

    private void reject(WebSocketConnection connection, String reason) {
        metrics.mediaRejected(reason);
        int seen = rejections
                .computeIfAbsent(connection.id(), id -> new AtomicInteger())
                .incrementAndGet();
        if (seen <= LOGGED_REJECTIONS || LOG.isDebugEnabled()) {
            String callId = sessions.byConnection(connection.id())
                    .map(s -> s.call().callId())
                    .orElse("-");
            LOG.logf(
                    seen <= LOGGED_REJECTIONS ? Logger.Level.WARN : Logger.Level.DEBUG,
                    "Rejected Media Streams message on connection %s (call %s): %s%s",
                    connection.id(),
                    callId,
                    reason,
                    seen == LOGGED_REJECTIONS ? " (further rejections on this stream are logged at DEBUG)" : "");
        }
    }

    private static String streamSidOf(TwilioFrame frame) {
        if (frame instanceof TwilioFrame.Media media) {
            return media.streamSid();
        } else if (frame instanceof TwilioFrame.Mark mark) {
            return mark.streamSid();
        } else if (frame instanceof TwilioFrame.Dtmf dtmf) {
            return dtmf.streamSid();
        } else if (frame instanceof TwilioFrame.Stop stop) {
            return stop.streamSid();
        }
        return null;
    }

    /** The session's view of this connection; its deferred writes run on the connection's event loop. */
    private static TwilioLink link(WebSocketConnection connection, String streamSid) {
        return new MediaStreamLink(streamSid, new ConnectionSocket(connection, Vertx.currentContext()));
    }

    private record ConnectionSocket(WebSocketConnection connection, Context context) implements MediaStreamLink.Socket {

        @Override
        public boolean isOpen() {
            return connection.isOpen();
        }

        @Override
        public void sendText(String json) {
            connection
                    .sendText(json)
                    .subscribe()
                    .with(ok -> {}, err -> LOG.debugf("Send to media stream %s failed: %s", connection.id(), err));
        }

        @Override
        public void close() {
            connection.close().subscribe().with(ok -> {}, err -> {});
        }

        @Override
        public void afterThisTurn(Runnable task) {
            TurnAudio.afterThisTurn(context, task);
        }
    }
}
