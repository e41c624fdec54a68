package com.spotfunnel.voice.events.payload;

/**
 * One provider failed. The call may go on: {@code fallbackProvider} names the provider that took over,
 * or is null when none was left (then a {@link FallbackPlayed} follows).
 *
 * @param errorType a short machine-readable kind: {@code timeout}, {@code http_5xx}, {@code stream_cut},
 *                  {@code circuit_open}, …
 * @param message   a human-readable description (no secrets, no personal data)
 */
public record ProviderFailed(Stage stage, String provider, String errorType, String message, String fallbackProvider)
        implements EventPayload {}
