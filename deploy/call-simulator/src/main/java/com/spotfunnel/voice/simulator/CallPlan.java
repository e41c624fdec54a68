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
 */
public record CallPlan(String gatewayBaseUrl, String authToken, String accountSid, String from, String to,
        int utterances, Duration speechLength, Duration turnTimeout) {
}
