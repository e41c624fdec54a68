package com.spotfunnel.voice.pipeline.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spotfunnel.voice.events.payload.FailureKind;
import com.spotfunnel.voice.events.payload.ProviderFailed;
import com.spotfunnel.voice.events.payload.Stage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.Test;

/** The one fallback engine of the three stages, with plain fake providers (no Quarkus). */
class FallbackEngineTest {

    private static final List<String> ORDER = List.of("a", "b", "c");

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ProviderAvailability availability =
            new ProviderAvailability(meters, Duration.ofMillis(200), Duration.ofSeconds(1));
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final StageListener listener = new StageListener() {
        @Override
        public void providerFailed(ProviderFailed failure) {
            failures.add(failure.provider() + ":" + failure.errorType() + "->" + failure.fallbackProvider());
        }

        @Override
        public void used(Stage stage, String provider, String model, double quantity, String unit) {}
    };
    private final Fake a = new Fake("a");
    private final Fake b = new Fake("b");
    private final Fake c = new Fake("c");
    private final FallbackEngine<Fake, String, String> engine = new FallbackEngine<>(
            Stage.LLM,
            FailureKind.LLM,
            List.of(a, b, c),
            Fake::name,
            fake -> fake.name + "-model",
            (provider, request, attempt, stage) -> provider.start(request),
            (provider, request) -> provider.probe(),
            Duration.ofMillis(200),
            availability,
            new ProviderMetrics(meters));

    /** Every provider is asked the whole request. */
    private static final ResumePolicy<String, String> RESTART = request -> attempt -> Optional.of(request);

    @Test
    void failsOverInOrderBeforeTheFirstItemAndMidStream() {
        a.refuses = true;
        b.cutAfter = 1;

        List<String> items = run("one two three", RESTART);

        assertEquals(List.of("one", "one", "two", "three"), items);
        assertEquals(List.of("one two three"), a.asked);
        assertEquals(List.of("one two three"), b.asked);
        assertEquals(List.of("one two three"), c.asked, "the restart policy asks the same again");
        assertEquals(List.of("a:http_5xx->b", "b:stream_cut->c"), failures);
    }

    @Test
    void theResumePolicyDecidesWhatTheNextProviderIsAskedMidAnswer() {
        b.cutAfter = 2; // "We open" delivered, then the stream breaks
        ResumePolicy<String, String> unsaid = request -> new ResumePolicy.Course<>() {
            private final List<String> delivered = new ArrayList<>();

            @Override
            public Optional<String> request(int attempt) {
                String[] words = request.split(" ");
                String rest = String.join(" ", List.of(words).subList(delivered.size(), words.length));
                return rest.isEmpty() ? Optional.empty() : Optional.of(rest);
            }

            @Override
            public String passOn(String item) {
                delivered.add(item);
                return item;
            }
        };

        List<String> items = engine.run(List.of("b", "c"), "We open at nine", unsaid, listener)
                .collect()
                .asList()
                .await()
                .atMost(Duration.ofSeconds(5));

        assertEquals(List.of("We", "open", "at", "nine"), items, "nothing said twice, nothing left out");
        assertEquals(List.of("at nine"), c.asked);
    }

    @Test
    void aStallMidAnswerIsAFailureAndTheNextProviderResumes() {
        a.stallAfter = 1;

        List<String> items = run("hello there", RESTART);

        assertEquals(List.of("hello", "hello", "there"), items);
        assertEquals(List.of("a:stall->b"), failures);
    }

    @Test
    void aProviderWhoseBreakerOpenedIsSkippedUntilAProbeFindsItWorkingAgain() {
        a.refuses = true;
        a.breakerOpen = true;
        a.probeFailures = 2; // still down for the first two probes
        run("first", RESTART);
        assertEquals(0.0, gauge("a"));
        assertEquals(1.0, gauge("b"));

        failures.clear();
        a.asked.clear();
        assertEquals(List.of("second"), run("second", RESTART));
        assertEquals(List.of(), a.asked, "an unavailable provider is not asked");
        assertEquals(List.of(), failures, "skipping is not a failure of this answer");

        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> availability.available(Stage.LLM, "a"));
        assertEquals(3, a.probes.get(), "probed in the background until it answered");
        assertEquals(1.0, gauge("a"));
        assertEquals(
                1.0,
                meters.get("pipeline_provider_availability_changes_total")
                        .tag("provider", "a")
                        .tag("available", "true")
                        .counter()
                        .count());

        a.refuses = false;
        assertEquals(List.of("third"), run("third", RESTART));
        assertEquals(List.of("third"), a.asked, "available again: first in the order again");
    }

    @Test
    void aFailureTheBreakerStillCountsLeavesTheProviderAvailable() {
        a.refuses = true; // 503, breaker not (yet) open
        run("first", RESTART);
        a.refuses = false;
        assertEquals(List.of("second"), run("second", RESTART));
        assertEquals(List.of("first", "second"), a.asked);
        assertEquals(1.0, gauge("a"));
    }

    @Test
    void whenEveryProviderFailsTheStageFails() {
        a.refuses = true;
        b.refuses = true;
        c.cutAfter = 1;

        Throwable failure = engine.run(ORDER, "hi there", RESTART, listener)
                .collect()
                .asList()
                .map(items -> (Throwable) null)
                .onFailure()
                .recoverWithItem(t -> t)
                .await()
                .atMost(Duration.ofSeconds(5));

        StageFailedException stage = assertInstanceOf(StageFailedException.class, failure);
        assertEquals(FailureKind.LLM, stage.kind());
        assertEquals(List.of("a:http_5xx->b", "b:http_5xx->c", "c:stream_cut->null"), failures);
    }

    @Test
    void whenEveryProviderIsUnavailableTheyAreAllTriedAnyway() {
        for (Fake fake : List.of(a, b, c)) {
            fake.refuses = true;
            fake.breakerOpen = true;
            fake.probeFailures = 1_000;
        }
        assertTrue(runFailure("first"));
        a.refuses = false;

        assertEquals(List.of("second"), run("second", RESTART));
        assertEquals(List.of("first", "second"), a.asked);
    }

    private List<String> run(String request, ResumePolicy<String, String> policy) {
        return engine.run(ORDER, request, policy, listener)
                .collect()
                .asList()
                .await()
                .atMost(Duration.ofSeconds(5));
    }

    private boolean runFailure(String request) {
        return engine.run(ORDER, request, RESTART, listener)
                .collect()
                .asList()
                .map(items -> false)
                .onFailure(StageFailedException.class)
                .recoverWithItem(true)
                .await()
                .atMost(Duration.ofSeconds(5));
    }

    private double gauge(String provider) {
        return meters.get("pipeline_provider_available")
                .tag("stage", "llm")
                .tag("provider", provider)
                .gauge()
                .value();
    }

    /** A provider that says the request's words one by one, unless told to refuse, cut or stall. */
    private static final class Fake {
        final String name;
        final List<String> asked = new CopyOnWriteArrayList<>();
        final AtomicInteger probes = new AtomicInteger();
        volatile boolean refuses;
        /** A refusal is the circuit breaker's (open), not a plain provider error. */
        volatile boolean breakerOpen;

        volatile int cutAfter = -1;
        volatile int stallAfter = -1;
        volatile int probeFailures;

        Fake(String name) {
            this.name = name;
        }

        String name() {
            return name;
        }

        Uni<Multi<String>> start(String request) {
            asked.add(request);
            if (refuses) {
                return Uni.createFrom()
                        .failure(
                                breakerOpen
                                        ? new CircuitBreakerOpenException("open")
                                        : ProviderException.forStatus(503));
            }
            List<String> words = List.of(request.split(" "));
            Multi<String> stream;
            if (cutAfter >= 0) {
                stream = Multi.createBy()
                        .concatenating()
                        .streams(
                                Multi.createFrom().iterable(words.subList(0, cutAfter)),
                                Multi.createFrom().failure(new ProviderException("stream_cut", "cut")));
            } else if (stallAfter >= 0) {
                stream = Multi.createBy()
                        .concatenating()
                        .streams(
                                Multi.createFrom().iterable(words.subList(0, stallAfter)),
                                Multi.createFrom().nothing());
            } else {
                stream = Multi.createFrom().iterable(words);
            }
            return Uni.createFrom().item(stream);
        }

        Uni<?> probe() {
            int probe = probes.incrementAndGet();
            return probe <= probeFailures
                    ? Uni.createFrom().failure(ProviderException.forStatus(503))
                    : Uni.createFrom().item("ok");
        }
    }
}
