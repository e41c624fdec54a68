package com.spotfunnel.voice.events.payload;

import java.util.Map;

/**
 * The post-call analysis of the transcript. It may arrive before or after {@link CallEnded}.
 *
 * @param outcome        a short label such as {@code appointment_booked}, {@code question_answered},
 *                       {@code callback_requested}, {@code transferred}, {@code no_resolution}
 * @param capturedData   what the agent collected (name, email, appointment time, …) as a JSON object
 * @param requiresAction true when the tenant's staff must follow up
 */
public record CallAnalyzed(
        String summary,
        String reasonForCalling,
        String outcome,
        Map<String, Object> capturedData,
        boolean requiresAction,
        Priority priority)
        implements EventPayload {}
