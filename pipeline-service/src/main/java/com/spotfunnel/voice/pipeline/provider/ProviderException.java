package com.spotfunnel.voice.pipeline.provider;

/**
 * A provider call went wrong. {@code errorType} is the short machine-readable kind that travels in
 * ProviderFailed: {@code http_5xx}, {@code http_4xx}, {@code connect}, {@code stream_cut}, {@code bad_response}.
 */
public class ProviderException extends RuntimeException {

    private final String errorType;

    public ProviderException(String errorType, String message) {
        super(message);
        this.errorType = errorType;
    }

    public ProviderException(String errorType, String message, Throwable cause) {
        super(message, cause);
        this.errorType = errorType;
    }

    public String errorType() {
        return errorType;
    }

    public static ProviderException forStatus(int status) {
        return new ProviderException(status >= 500 ? "http_5xx" : "http_4xx", "HTTP " + status);
    }

    /** The short kind of any failure, for events and metrics. */
    public static String typeOf(Throwable failure) {
        if (failure instanceof ProviderException p) {
            return p.errorType();
        }
        String name = failure.getClass().getSimpleName();
        if (name.contains("Timeout")) {
            return "timeout";
        }
        if (name.contains("CircuitBreakerOpen")) {
            return "circuit_open";
        }
        return "error";
    }

    /** A description without secrets: the kind and the message, never a request. */
    public static String describe(Throwable failure) {
        String message = failure.getMessage();
        return typeOf(failure) + (message == null ? "" : ": " + message);
    }
}
