package com.spotfunnel.voice.pipeline.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Providers close idle keep-alive connections on their own schedule; a request that lands on such a connection
 * breaks before any answer. That is not the provider failing (it never saw the request), so the caller must not
 * be failed over: the request goes out again on a fresh connection. The fake provider here answers the first
 * request of every connection and resets the connection when a second request arrives on it, so every reuse of
 * a pooled connection meets a reset.
 */
class HttpStreamsStaleConnectionTest {

    private static final int POSTS = 6;

    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger resets = new AtomicInteger();
    private ServerSocket server;
    private Vertx vertx;
    private HttpStreams streams;

    @BeforeEach
    void start() throws IOException {
        server = new ServerSocket(0);
        Thread acceptor = new Thread(this::accept, "fake-provider");
        acceptor.setDaemon(true);
        acceptor.start();
        vertx = Vertx.vertx();
        streams = new HttpStreams(vertx);
    }

    @AfterEach
    void stop() throws IOException {
        streams.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
        server.close();
    }

    @Test
    void aRequestOnAConnectionTheProviderResetIsSentAgainOnAFreshOne() {
        for (int i = 0; i < POSTS; i++) {
            assertEquals("ok", post(), "request " + (i + 1) + " answered, never failed by a reset");
            // let the answered connection go back to the pool, so the next request reuses it
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        assertTrue(resets.get() >= 1, "pooled connections were reused (and reset) at least once");
        assertEquals(POSTS + resets.get(), requests.get(), "each reset request was sent again, once");
    }

    private String post() {
        return streams.post(
                        "http://127.0.0.1:" + server.getLocalPort() + "/v1/speak",
                        Map.of("Content-Type", "text/plain"),
                        "hello")
                .collect()
                .in(Buffer::buffer, Buffer::appendBuffer)
                .await()
                .atMost(Duration.ofSeconds(10))
                .toString(StandardCharsets.UTF_8);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                int connection = connections.incrementAndGet();
                Thread handler = new Thread(() -> serve(socket), "fake-provider-" + connection);
                handler.setDaemon(true);
                handler.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = socket.getOutputStream();
            for (int onThisConnection = 1; ; onThisConnection++) {
                if (!readRequest(in)) {
                    return;
                }
                requests.incrementAndGet();
                if (onThisConnection == 2) {
                    resets.incrementAndGet();
                    socket.setSoLinger(true, 0); // close with a reset, as a provider's idle timeout may
                    return;
                }
                out.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok"
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
        } catch (IOException ignored) {
            // the client went away
        }
    }

    /** Reads one request (headers and its Content-Length body); false at the end of the stream. */
    private static boolean readRequest(BufferedReader in) throws IOException {
        String line = in.readLine();
        if (line == null) {
            return false;
        }
        int length = 0;
        while ((line = in.readLine()) != null && !line.isEmpty()) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(
                        line.substring("content-length:".length()).trim());
            }
        }
        for (int i = 0; i < length; i++) {
            in.read();
        }
        return true;
    }
}
