package com.spotfunnel.voice.events.payload;

/**
 * The AI could not go on; the caller heard {@code message} through Twilio.
 *
 * @param transferTo the number the call is being transferred to, or null when the call was hung up
 */
public record FallbackPlayed(FailureKind kind, String message, String transferTo) implements EventPayload {}
