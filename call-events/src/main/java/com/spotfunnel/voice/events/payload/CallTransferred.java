package com.spotfunnel.voice.events.payload;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The call was handed to a person.
 *
 * @param transferTo the tenant's transfer number, E.164
 * @param reason     {@code caller_request}, {@code fallback}, …
 * @param outcome    Twilio's DialCallStatus when known ({@code completed}, {@code busy}, {@code no-answer},
 *                   {@code failed}, {@code canceled}), {@code answered} when the person picked up (before they talk),
 *                   or {@code initiated} when the dial has just begun
 * @param returnedToAgent true when the dial did not connect and the caller was given back to the agent (which takes
 *                        a message); null in events written before issue 14 (additive), and then not written at
 *                        all, so an event without it is byte for byte what it was before
 */
public record CallTransferred(
        String transferTo,
        String reason,
        String outcome,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean returnedToAgent)
        implements EventPayload {

    public CallTransferred(String transferTo, String reason, String outcome) {
        this(transferTo, reason, outcome, null);
    }
}
