package com.spotfunnel.voice.events.payload;

/**
 * The call was handed to a person.
 *
 * @param transferTo the tenant's transfer number, E.164
 * @param reason     {@code caller_request}, {@code fallback}, …
 * @param outcome    Twilio's DialCallStatus when known ({@code completed}, {@code busy}, {@code no-answer},
 *                   {@code failed}, {@code canceled}), {@code answered} when the person picked up (before they talk),
 *                   or {@code initiated} when the dial has just begun
 * @param returnedToAgent true when the dial did not connect and the caller was given back to the agent (which takes
 *                        a message); null in events written before issue 14 (additive)
 */
public record CallTransferred(String transferTo, String reason, String outcome, Boolean returnedToAgent)
        implements EventPayload {

    public CallTransferred(String transferTo, String reason, String outcome) {
        this(transferTo, reason, outcome, null);
    }
}
