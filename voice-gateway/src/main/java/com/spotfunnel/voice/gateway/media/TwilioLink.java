package com.spotfunnel.voice.gateway.media;

/** The call's Media Streams socket, as the session sees it. Every method returns at once. */
public interface TwilioLink {

    /** Agent audio (raw μ-law). Audio sent in one event-loop turn may reach Twilio as one larger media message. */
    void sendAudio(byte[] mulaw);

    /** A mark after the audio sent so far: Twilio echoes it when that audio has played. */
    void sendMark(String name);

    /** Barge-in: Twilio drops the audio it holds; audio not yet written is dropped too. */
    void sendClear();

    /** Closing the stream ends the call: the TwiML has no verb after {@code </Connect>}. */
    void close();
}
