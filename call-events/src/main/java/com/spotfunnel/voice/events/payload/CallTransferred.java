package com.spotfunnel.voice.events.payload;

/**
 * The call was handed to a person.
 *
 * @param transferTo the tenant's transfer number, E.164
 * @param reason     {@code caller_request}, {@code fallback}, …
 * @param outcome    Twilio's DialCallStatus when known ({@code completed}, {@code busy}, {@code no-answer},
 *                   {@code failed}, {@code canceled}), or {@code initiated} when the dial has just begun
 */
public record CallTransferred(String transferTo, String reason, String outcome) implements EventPayload {}
