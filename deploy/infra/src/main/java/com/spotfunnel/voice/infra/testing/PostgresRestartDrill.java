package com.spotfunnel.voice.infra.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.spotfunnel.voice.infra.postgres.ThrowawayPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;

/**
 * The PostgreSQL restart drill, shared by the services that own a database: under steady API load
 * ({@link ApiLoad}) the drill's own server ({@link ThrowawayPostgresTestResource}) is stopped; readiness must
 * go DOWN and the API must answer 503 problem+json; {@code duringOutage} runs (it publishes events); the outage
 * is held for {@code outage}; the server starts again; readiness must come back UP and the API answer 200
 * again, by itself. What the service must then have projected is the caller's to check.
 *
 * <p>The outage length comes from the system property {@code drill.postgres.outage-seconds} (default 8):
 * run with 75 to hold it past Kafka's one-minute unacknowledged-record limit.
 */
public final class PostgresRestartDrill {

    private static final Duration DOWN_WITHIN = Duration.ofSeconds(30);
    private static final Duration UP_WITHIN = Duration.ofSeconds(60);
    private static final int ANSWERS_TO_SEE = 3;
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** What the drill measured, in {@link System#nanoTime()} instants and durations. */
    public record Report(
            long stoppedAt,
            long startedAt,
            Duration readinessDownAfter,
            Duration readinessUpAfter,
            Duration firstOkAfter,
            List<ApiLoad.Answer> answers) {

        @Override
        public String toString() {
            return "PostgreSQL restart drill: outage "
                    + Duration.ofNanos(startedAt - stoppedAt).toMillis()
                    + " ms, readiness DOWN after " + readinessDownAfter.toMillis() + " ms, readiness UP "
                    + readinessUpAfter.toMillis() + " ms and first 200 " + firstOkAfter.toMillis()
                    + " ms after the server was back; " + answers.size() + " API answers";
        }
    }

    private PostgresRestartDrill() {}

    public static Duration outage() {
        return Duration.ofSeconds(Long.getLong("drill.postgres.outage-seconds", 8));
    }

    public static Report run(ThrowawayPostgres postgres, ApiLoad load, URI readiness, Runnable duringOutage) {
        long begin = System.nanoTime();
        Awaitility.await("the API answers 200 before the drill")
                .atMost(UP_WITHIN)
                .until(() -> load.count(begin, a -> a.status() == 200) >= ANSWERS_TO_SEE);

        long stoppedAt = System.nanoTime();
        postgres.stopServer();
        Awaitility.await("readiness DOWN").atMost(DOWN_WITHIN).until(() -> status(readiness) == 503);
        Duration downAfter = Duration.ofNanos(System.nanoTime() - stoppedAt);
        assertEquals(200, status(readiness.resolve("live")), "liveness stays UP: a restart would not help");
        Awaitility.await("503 answers while PostgreSQL is down")
                .atMost(DOWN_WITHIN)
                .until(() -> load.count(stoppedAt, a -> a.status() == 503) >= ANSWERS_TO_SEE);
        duringOutage.run();
        Duration left = outage().minusNanos(System.nanoTime() - stoppedAt);
        if (!left.isNegative()) {
            pause(left); // holding the fault in place, not waiting for a result
        }
        assertEquals(503, status(readiness), "readiness stays DOWN for the whole outage");

        long startedAt = System.nanoTime();
        postgres.startServer();
        Awaitility.await("readiness UP again").atMost(UP_WITHIN).until(() -> status(readiness) == 200);
        Duration upAfter = Duration.ofNanos(System.nanoTime() - startedAt);
        Awaitility.await("200 answers again")
                .atMost(UP_WITHIN)
                .until(() -> load.count(startedAt, a -> a.status() == 200) >= ANSWERS_TO_SEE);
        long firstOk = load.answers().stream()
                .filter(a -> a.sentAt() >= startedAt && a.status() == 200)
                .mapToLong(a -> a.sentAt() + a.took().toNanos())
                .min()
                .orElseThrow();
        return new Report(
                stoppedAt, startedAt, downAfter, upAfter, Duration.ofNanos(firstOk - startedAt), load.answers());
    }

    /**
     * Every answer of the whole drill was a 200 or a 503 problem+json saying what is down, with Retry-After,
     * and none took longer than {@code bound}: no 500, no hang.
     */
    public static void assertOnlyOkOrUnavailable(Report report, Duration bound) {
        assertTrue(report.answers().stream().anyMatch(a -> a.status() == 503), "the drill saw 503 answers");
        for (ApiLoad.Answer answer : report.answers()) {
            if (answer.status() == 503) {
                assertTrue(answer.contentType().startsWith("application/problem+json"), answer.toString());
                assertTrue(answer.body().contains("\"status\":503"), answer.toString());
                assertTrue(answer.body().contains("\"title\":\"Service Unavailable\""), answer.toString());
                assertTrue(answer.body().contains("retry in a few seconds"), answer.toString());
                assertNotNull(answer.retryAfter(), "503 carries Retry-After: " + answer);
            } else if (answer.status() != 200) {
                fail("during a PostgreSQL restart the API answered " + answer);
            }
            assertTrue(answer.took().compareTo(bound) <= 0, "answered within " + bound + ": " + answer);
        }
    }

    private static int status(URI uri) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(15))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
