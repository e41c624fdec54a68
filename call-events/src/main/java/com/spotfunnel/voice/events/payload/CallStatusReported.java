package com.spotfunnel.voice.events.payload;

/**
 * Twilio's final word on the call, from its status callback: may arrive before or after {@code CallEnded}.
 *
 * @param twilioStatus          Twilio's final {@code CallStatus}: {@code completed}, {@code busy}, {@code failed},
 *                              {@code no-answer} or {@code canceled}
 * @param twilioDurationSeconds Twilio's {@code CallDuration} (what Twilio bills), or null when it gave none
 */
public record CallStatusReported(String twilioStatus, Long twilioDurationSeconds) implements EventPayload {}
