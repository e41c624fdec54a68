package com.spotfunnel.voice.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The side-by-side benchmark's reference gateway, driven by the same simulated callers as the platform. */
class ReferenceGatewayTest {

    private static final String TOKEN = "reference-test-token";
    private static ReferenceGateway gateway;
    private static String baseUrl;

    @BeforeAll
    static void start() throws Exception {
        gateway = ReferenceGateway.start(0, settings());
        baseUrl = "http://localhost:" + gateway.port();
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static ReferenceGateway.Settings settings() {
        return new ReferenceGateway.Settings(
                null, TOKEN, Duration.ofMillis(100), Duration.ofMillis(400), CallPlan.SIMULATED_STT_ENDPOINT);
    }

    private static CallPlan plan(String token, int utterances) {
        return new CallPlan(
                baseUrl,
                token,
                "AC" + "0".repeat(32),
                "+14155550100",
                "+15005550006",
                utterances,
                Duration.ofMillis(400),
                Duration.ofSeconds(8));
    }

    @Test
    void answersEveryUtteranceOfConcurrentCallersAndTheirMarksAreEchoed() throws Exception {
        LoadRun.Summary summary = LoadRun.run(plan(TOKEN, 2), 3, Duration.ofSeconds(1));

        assertEquals(3, summary.succeeded(), summary.describe() + " " + summary.errors());
        assertEquals(0, summary.refused());
        assertEquals(6, summary.turns(), "one answer per utterance, none for the silence around them");
    }

    @Test
    void aCallWhoseWebhookIsNotSignedWithTheAccountsTokenGetsNoStream() throws Exception {
        try (CallerTransport transport = CallerTransport.open()) {
            CallResult result = new SimulatedCall(plan("some-other-token", 1), transport)
                    .run()
                    .get(30, TimeUnit.SECONDS);

            assertEquals("webhook answered 403", result.error());
            assertEquals(0, result.answeredTurns());
        }
    }

    @Test
    void anUtteranceEndsAfterSixHundredMillisecondsOfSilenceLikeTheSimulatedRecognizer() {
        UtteranceDetector detector = new UtteranceDetector(
                UtteranceDetector.DEFAULT_ENERGY_THRESHOLD, CallPlan.SIMULATED_STT_ENDPOINT.toMillis());
        List<UtteranceDetector.Event> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            events.add(detector.accept(CallerAudio.silence()));
        }
        for (int i = 0; i < 20; i++) {
            events.add(detector.accept(CallerAudio.speech(i)));
        }
        for (int i = 0; i < 40; i++) {
            events.add(detector.accept(CallerAudio.silence()));
        }

        assertEquals(10 + 2, events.indexOf(UtteranceDetector.Event.SPEECH_STARTED), "after 60 ms of speech");
        assertEquals(10 + 20 + 29, events.indexOf(UtteranceDetector.Event.UTTERANCE_ENDED), "at the 30th quiet frame");
        assertEquals(
                1,
                events.stream()
                        .filter(e -> e == UtteranceDetector.Event.UTTERANCE_ENDED)
                        .count());
    }

    @Test
    void aBlipShorterThanSixtyMillisecondsIsNotSpeech() {
        UtteranceDetector detector = new UtteranceDetector(UtteranceDetector.DEFAULT_ENERGY_THRESHOLD, 600);
        List<UtteranceDetector.Event> events = new ArrayList<>();
        events.add(detector.accept(CallerAudio.speech(0)));
        events.add(detector.accept(CallerAudio.speech(1)));
        for (int i = 0; i < 40; i++) {
            events.add(detector.accept(CallerAudio.silence()));
        }

        assertTrue(events.stream().allMatch(e -> e == UtteranceDetector.Event.NONE), events.toString());
    }
}
