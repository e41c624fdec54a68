package com.spotfunnel.voice.events.payload;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An operator erased a caller of a tenant ("forget this number"): every owner of data about the caller erases its
 * own (the pipeline its caller history, the read models mask the number). The number itself never travels: only
 * {@link #hash(String) its SHA-256}, which each owner compares with the hash of what it holds. Published by
 * admin-api on {@code call-events} with a call id of its own ({@code erasure-<uuid>}) and seq 0; the event is
 * not about one call. Consumers apply it idempotently and whatever the order relative to the caller's calls.
 *
 * @param callerPhoneSha256 lower-case hex SHA-256 of the caller's E.164 number (UTF-8)
 * @param requestedBy       the operator who asked (audit), may be null
 */
public record CallerErased(String callerPhoneSha256, String requestedBy) implements EventPayload {

    /** The lower-case hex SHA-256 of an E.164 number, as {@link #callerPhoneSha256} carries it. */
    public static String hash(String callerPhone) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256").digest(callerPhone.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
