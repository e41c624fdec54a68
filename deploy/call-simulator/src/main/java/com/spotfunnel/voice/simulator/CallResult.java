package com.spotfunnel.voice.simulator;

import java.util.List;

/**
 * What one simulated caller experienced.
 *
 * @param turnLatenciesMillis per answered utterance: end of caller speech → first agent audio received
 * @param platformLatenciesMillis per answered utterance: the caller's frame that completed the recognizer's
 *                            endpoint silence sent → first agent audio received. The platform's share of the turn:
 *                            unlike {@code turnLatencies − endpoint} it does not charge the platform for caller
 *                            frames the generator itself sent late.
 * @param answeredTurns       utterances the agent answered within the turn timeout
 * @param lateFrames          caller frames sent more than one frame late (the generator could not keep up)
 * @param failedSends         caller frames that could not be sent (the socket broke)
 * @param error               why the call failed, or null
 */
public record CallResult(
        String callSid,
        boolean streamed,
        String said,
        List<Long> turnLatenciesMillis,
        List<Long> platformLatenciesMillis,
        int answeredTurns,
        int plannedTurns,
        int framesSent,
        int lateFrames,
        int failedSends,
        int agentAudioFrames,
        int marksEchoed,
        int clears,
        String error) {

    public boolean succeeded() {
        return error == null && streamed && answeredTurns == plannedTurns && failedSends == 0;
    }

    /**
     * The gateway refused the call cleanly: a 503 (Twilio then asks the number's fallback URL) or TwiML that says
     * something and hangs up, instead of a stream.
     */
    public boolean refused() {
        return error == null && !streamed;
    }
}
