package com.spotfunnel.voice.events.payload;

import java.util.Map;

/**
 * Something went wrong that an operator should see.
 *
 * @param errorType  a short machine-readable kind: {@code unknown_number}, {@code capacity_refused},
 *                   {@code all_llm_failed}, {@code pipeline_disconnected}, {@code twilio_update_failed}, …
 * @param component  which service or part reported it
 * @param stackTrace the stack trace when there was an exception, else null
 * @param context    extra identifiers (never secrets or phone numbers)
 */
public record SystemError(
        String errorType,
        Severity severity,
        String component,
        String message,
        String stackTrace,
        Map<String, String> context)
        implements EventPayload {}
