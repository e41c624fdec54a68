package com.spotfunnel.voice.support.websocket;

/**
 * A peer sent a WebSocket message above {@code quarkus.websockets-next.server.max-message-size} (CVE-2026-87742).
 * Vert.x stops buffering at the limit but reports it only as an error on the connection and leaves the connection
 * open, so each endpoint's {@code @OnError} asks this class and closes the connection with 1009 (message too big).
 * Vert.x names the condition only in the exception's message; this is the one place that reads it.
 */
public final class OversizedMessage {

    /** RFC 6455 7.4.1: the endpoint received a message too big to process. */
    public static final int CLOSE_CODE = 1009;

    private OversizedMessage() {}

    public static boolean is(Throwable error) {
        return error instanceof IllegalStateException
                && error.getMessage() != null
                && error.getMessage().contains("max message size");
    }
}
