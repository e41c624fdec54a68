package com.spotfunnel.voice.gateway.twilio;

/**
 * Twilio refused the update for good (a 4xx other than 429: call not in progress, not found, TwiML too
 * long); retrying cannot help.
 */
public class CallNotUpdatableException extends RuntimeException {

    public CallNotUpdatableException(String message, Throwable cause) {
        super(message, cause);
    }
}
