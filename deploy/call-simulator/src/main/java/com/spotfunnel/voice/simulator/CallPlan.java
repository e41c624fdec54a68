package com.spotfunnel.voice.simulator;

import java.time.Duration;

/**
 * What one simulated caller does.
 *
 * @param gatewayBaseUrl the gateway's public base URL (also what webhook signatures are computed over)
 * @param authToken      the Twilio auth token the gateway checks signatures with
 * @param utterances     how many times the caller speaks, waiting for the agent's answer after each
 * @param speechLength   how long each utterance lasts
 * @param turnTimeout    how long to wait for the agent's answer before counting the turn as failed
 * @param endpoint       the silence after which the recognizer ends an utterance (the simulated STT's 600 ms): the
 *                       platform's share of a turn starts when the caller's audio has carried that much silence
 */
public record CallPlan(
        String gatewayBaseUrl,
        String authToken,
        String accountSid,
        String from,
        String to,
        int utterances,
        Duration speechLength,
        Duration turnTimeout,
        Duration endpoint) {

    public static final Duration SIMULATED_STT_ENDPOINT = Duration.ofMillis(600);

    public CallPlan(
            String gatewayBaseUrl,
            String authToken,
            String accountSid,
            String from,
            String to,
            int utterances,
            Duration speechLength,
            Duration turnTimeout) {
        this(
                gatewayBaseUrl,
                authToken,
                accountSid,
                from,
                to,
                utterances,
                speechLength,
                turnTimeout,
                SIMULATED_STT_ENDPOINT);
    }

    int endpointFrames() {
        return (int) Math.max(1, endpoint.toMillis() / CallerAudio.FRAME_MILLIS);
    }
}
