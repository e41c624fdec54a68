package com.spotfunnel.voice.gateway.media;

/** The call's Media Streams socket, as the session sees it. Both methods return at once. */
public interface TwilioLink {

    void send(String json);

    /** Closing the stream ends the call: the TwiML has no verb after {@code </Connect>}. */
    void close();
}
