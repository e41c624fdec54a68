package com.spotfunnel.voice.dashboard.calls;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Where a keyset page ends: the last row's sort key and call id, for the sort it was made with. Opaque to
 * clients (base64url of {@code sort|key|callId}).
 *
 * @param key the sort key: epoch microseconds for startedAt, seconds for duration
 */
public record Cursor(CallSort sort, long key, String callId) {

    public String encode() {
        String raw = sort.param() + "|" + key + "|" + callId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static Optional<Cursor> decode(String encoded) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|", 3);
            if (parts.length != 3 || parts[2].isEmpty()) {
                return Optional.empty();
            }
            Optional<CallSort> sort = CallSort.fromParam(parts[0]);
            return sort.map(s -> new Cursor(s, Long.parseLong(parts[1]), parts[2]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
