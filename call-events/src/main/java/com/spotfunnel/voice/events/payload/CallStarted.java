package com.spotfunnel.voice.events.payload;

/**
 * The gateway accepted a call and connected it to the agent.
 *
 * @param callSid      Twilio's CallSid ({@code CA…})
 * @param callerPhone  the caller's number, E.164 (personal data: never logged)
 * @param dialedNumber the tenant's number that was dialed, E.164
 * @param direction    Twilio's Direction ({@code inbound}, {@code outbound-api}, …)
 */
public record CallStarted(String callSid, String callerPhone, String dialedNumber, String direction)
        implements EventPayload {}
