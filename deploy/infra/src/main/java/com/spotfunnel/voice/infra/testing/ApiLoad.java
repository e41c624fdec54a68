package com.spotfunnel.voice.infra.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * Steady API traffic for a fault drill: a few workers send the same GET over and over and record every answer
 * (status, problem body, how long it took). A request that gets no answer within {@link #REQUEST_TIMEOUT} is
 * recorded with status -1: the drill then fails on it, since a hung request is what it must rule out.
 */
public final class ApiLoad implements AutoCloseable {

    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    /** A pause between one worker's requests, so the load does not starve a 2-core machine. */
    private static final Duration PAUSE = Duration.ofMillis(25);

    /** One answer; {@code sentAt} is {@link System#nanoTime()} when the request left. */
    public record Answer(long sentAt, int status, String contentType, String retryAfter, String body, Duration took) {}

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Answer> answers = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> workers = new ArrayList<>();

    private ApiLoad(HttpRequest request, int workerCount) {
        for (int i = 0; i < workerCount; i++) {
            Thread worker = new Thread(() -> work(request), "api-load-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    /** Starts {@code workers} loops of GET {@code uri} with this bearer token. */
    public static ApiLoad start(URI uri, String bearerToken, int workers) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + bearerToken)
                .GET()
                .build();
        return new ApiLoad(request, workers);
    }

    public synchronized List<Answer> answers() {
        return List.copyOf(answers);
    }

    /** How many answers sent at or after {@code sentAfter} (nanoTime) match. */
    public synchronized long count(long sentAfter, Predicate<Answer> which) {
        return answers.stream()
                .filter(a -> a.sentAt() >= sentAfter)
                .filter(which)
                .count();
    }

    @Override
    public void close() {
        running.set(false);
        for (Thread worker : workers) {
            try {
                worker.join(REQUEST_TIMEOUT.plusSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void work(HttpRequest request) {
        while (running.get()) {
            long sent = System.nanoTime();
            Answer answer;
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                answer = new Answer(
                        sent,
                        response.statusCode(),
                        response.headers().firstValue("Content-Type").orElse(""),
                        response.headers().firstValue("Retry-After").orElse(null),
                        response.body(),
                        since(sent));
            } catch (IOException e) {
                answer = new Answer(sent, -1, "", null, e.toString(), since(sent));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            synchronized (this) {
                answers.add(answer);
            }
            try {
                Thread.sleep(PAUSE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Duration since(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime);
    }
}
