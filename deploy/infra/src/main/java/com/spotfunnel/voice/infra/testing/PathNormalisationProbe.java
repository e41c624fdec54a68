package com.spotfunnel.voice.infra.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * CVE-2026-87743 (authorisation bypass through path normalisation in Quarkus HTTP security): sends, without a
 * token, the spellings of a protected path that a path matcher and the router may read differently, byte for
 * byte as an attacker would (a raw socket, so no client tidies the path first), and asserts that none is served.
 */
public final class PathNormalisationProbe {

    /** What a refused or unroutable trick may answer; anything else (a 2xx, a redirect, a 5xx) fails. */
    private static final Set<Integer> REFUSED = Set.of(400, 401, 403, 404);

    private PathNormalisationProbe() {}

    /** The tricks on {@code protectedPath} (for example {@code /tenants}); each must be refused. */
    public static List<String> tricks(String protectedPath) {
        String bare = protectedPath.substring(1);
        return List.of(
                "/q/.." + protectedPath,
                "/q/%2e%2e" + protectedPath,
                "/q/%2E%2E/" + bare,
                "/q/..;" + protectedPath,
                "/q%2F..%2F" + bare,
                "/q/..%2F" + bare,
                "/" + protectedPath,
                "/./" + bare,
                protectedPath + ";jsessionid=x",
                protectedPath + "/",
                protectedPath.replaceFirst("/", "/%2F"));
    }

    /** Asserts that the plain path answers 401 without a token and that no trick on it is served either. */
    public static void assertNoTrickIsServed(int port, String protectedPath) throws IOException {
        assertEquals(401, status(port, protectedPath), protectedPath + " without a token");
        for (String trick : tricks(protectedPath)) {
            int status = status(port, trick);
            assertTrue(REFUSED.contains(status), trick + " without a token answered " + status);
        }
    }

    /** The status of a GET of {@code rawPath}, sent exactly as written. */
    public static int status(int port, String rawPath) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + rawPath + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
                            + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }
}
