package com.spotfunnel.voice.pipeline.conversation;

import com.spotfunnel.voice.events.bridge.BridgeCodec;
import com.spotfunnel.voice.events.bridge.CallToken;
import com.spotfunnel.voice.events.bridge.GatewayMessage;
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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The gateway's socket for one call ({@code /calls/{callId}}): the first text frame is {@code CallStart}, then
 * caller audio as binary frames and control as JSON. On {@code CallerHangup} the conversation sends its last
 * messages (the agent turn in flight, remaining costs) and this side closes the socket, which tells the gateway
 * the call's record is complete. Runs on the event loop; nothing here blocks.
 *
 * <p>Only the gateway gets here: {@link CallTokenCheck} refuses the upgrade without the call's token, and
 * {@link CallStartGuard} refuses (closes with 1008) a start that differs from the token or names a call this
 * instance has already seen.
 */
@WebSocket(path = "/calls/{callId}")
public class CallSocket {

    private static final Logger LOG = Logger.getLogger(CallSocket.class);
    private static final int POLICY_VIOLATION = 1008;

    private final ConversationServices services;
    private final CallStartGuard startGuard;
    private final Map<String, Conversation> calls = new ConcurrentHashMap<>();

    public CallSocket(ConversationServices services, CallStartGuard startGuard) {
        this.services = services;
        this.startGuard = startGuard;
    }

    @OnTextMessage
    @NonBlocking
    public void onText(String text, WebSocketConnection connection) {
        GatewayMessage message = BridgeCodec.readGatewayMessage(text).orElse(null);
        if (message == null) {
            LOG.warnf("Call %s: unreadable bridge frame ignored", connection.pathParam("callId"));
            return;
        }
        Conversation conversation = calls.get(connection.id());
        if (message instanceof GatewayMessage.CallStart start) {
            if (conversation == null) {
                String refusal = startGuard.refusal(
                        start, connection.handshakeRequest().header(CallToken.HEADER), connection.pathParam("callId"));
                if (refusal != null) {
                    connection
                            .close(new CloseReason(POLICY_VIOLATION, refusal))
                            .subscribe()
                            .with(
                                    ok -> {},
                                    failure -> LOG.debugf(
                                            "Call %s: close failed: %s", connection.pathParam("callId"), failure));
                    return;
                }
                calls.put(connection.id(), services.start(start, outbox(connection)));
            }
            return;
        }
        if (conversation == null) {
            LOG.warnf(
                    "Call %s: %s before start ignored",
                    connection.pathParam("callId"), message.getClass().getSimpleName());
            return;
        }
        if (message instanceof GatewayMessage.Played played) {
            conversation.onPlayed(played.utteranceId());
        } else if (message instanceof GatewayMessage.Dtmf dtmf) {
            conversation.onDtmf(dtmf.digit());
        } else if (message instanceof GatewayMessage.TransferReturned returned) {
            conversation.onTransferReturned(returned.outcome());
        } else if (message instanceof GatewayMessage.CallerHangup) {
            calls.remove(connection.id());
            startGuard.ended(connection.pathParam("callId"));
            // Once the caller's last words are in (the recognizer's final results come after its stream is
            // ended), the final Transcript and Cost frames are queued on this socket, ahead of the close frame;
            // the close tells the gateway the call's record is complete. (After a fallback it closed already.)
            conversation.onCallerHangup().subscribe().with(done -> closeAfterHangup(connection));
        }
    }

    private static void closeAfterHangup(WebSocketConnection connection) {
        if (connection.isOpen()) {
            connection
                    .close()
                    .subscribe()
                    .with(
                            ok -> {},
                            failure ->
                                    LOG.debugf("Call %s: close failed: %s", connection.pathParam("callId"), failure));
        }
    }

    @OnBinaryMessage
    @NonBlocking
    public void onAudio(Buffer audio, WebSocketConnection connection) {
        Conversation conversation = calls.get(connection.id());
        if (conversation != null) {
            conversation.onAudio(audio.getBytes());
        }
    }

    /** A message above the socket's limit (CVE-2026-87742): Vert.x stops buffering it; the socket is closed here. */
    @OnError
    @NonBlocking
    public void onError(Throwable error, WebSocketConnection connection) {
        if (OversizedMessage.is(error) && connection.isOpen()) {
            LOG.warnf("Call %s: message above the socket's limit, closing", connection.pathParam("callId"));
            connection
                    .close(new CloseReason(OversizedMessage.CLOSE_CODE, "message too big"))
                    .subscribe()
                    .with(
                            ok -> {},
                            failure ->
                                    LOG.debugf("Call %s: close failed: %s", connection.pathParam("callId"), failure));
            return;
        }
        LOG.errorf(error, "Call %s: unexpected error on the call socket", connection.pathParam("callId"));
    }

    @OnClose
    @NonBlocking
    public void onClose(WebSocketConnection connection) {
        Conversation conversation = calls.remove(connection.id());
        if (conversation != null) {
            startGuard.ended(connection.pathParam("callId"));
            conversation.close();
        }
    }

    /** The conversation's way out: this connection, its audio chunks of one event-loop turn as one message. */
    private static BridgeOutbox outbox(WebSocketConnection connection) {
        Context context = Vertx.currentContext();
        return new BridgeOutbox(new BridgeOutbox.Socket() {
            @Override
            public void sendText(String json) {
                if (connection.isOpen()) {
                    connection
                            .sendText(json)
                            .subscribe()
                            .with(
                                    ok -> {},
                                    failure -> LOG.debugf(
                                            "Call %s: send failed: %s", connection.pathParam("callId"), failure));
                }
            }

            @Override
            public void afterThisTurn(Runnable task) {
                TurnAudio.afterThisTurn(context, task);
            }
        });
    }
}
