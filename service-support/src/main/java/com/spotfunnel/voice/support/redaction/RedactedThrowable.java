package com.spotfunnel.voice.support.redaction;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Stands in for an exception whose message (or a cause's) held a phone number or a secret: same class name,
 * stack trace and cause chain, masked messages. The original is returned untouched when nothing needed masking.
 */
final class RedactedThrowable extends RuntimeException {

    private final String originalClass;

    private RedactedThrowable(String originalClass, String message, Throwable cause) {
        super(message, cause, false, true);
        this.originalClass = originalClass;
    }

    static Throwable of(Throwable thrown, SensitiveText sensitive) {
        return needsMasking(thrown, sensitive, new IdentityHashMap<>())
                ? copy(thrown, sensitive, new IdentityHashMap<>())
                : thrown;
    }

    private static boolean needsMasking(Throwable t, SensitiveText sensitive, Map<Throwable, Boolean> seen) {
        if (t == null || seen.put(t, Boolean.TRUE) != null) {
            return false;
        }
        String message = t.getMessage();
        return (message != null && !message.equals(sensitive.mask(message)))
                || needsMasking(t.getCause(), sensitive, seen);
    }

    private static Throwable copy(Throwable t, SensitiveText sensitive, Map<Throwable, Throwable> copies) {
        if (t == null) {
            return null;
        }
        Throwable done = copies.get(t);
        if (done != null) {
            return done;
        }
        copies.put(t, t); // a cause cycle ends at the original
        RedactedThrowable copy = new RedactedThrowable(
                t.getClass().getName(), sensitive.mask(t.getMessage()), copy(t.getCause(), sensitive, copies));
        copy.setStackTrace(t.getStackTrace());
        copies.put(t, copy);
        return copy;
    }

    /** The original class name of every stand-in in {@code thrown}'s cause chain, by its (masked) message. */
    static Map<String, String> originalTypes(Throwable thrown) {
        Map<String, String> types = new java.util.HashMap<>();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = thrown; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof RedactedThrowable redacted && t.getMessage() != null) {
                types.put(t.getMessage(), redacted.originalClass);
            }
        }
        return types;
    }

    /** Printed like the original: {@code java.lang.IllegalStateException: masked message}. */
    @Override
    public String toString() {
        String message = getLocalizedMessage();
        return message == null ? originalClass : originalClass + ": " + message;
    }
}
