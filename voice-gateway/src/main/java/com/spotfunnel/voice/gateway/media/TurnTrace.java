package com.spotfunnel.voice.gateway.media;

import org.jboss.logging.Logger;

/**
 * Per-turn timestamps for the turn-latency breakdown ({@code deploy/bench/turn-hops}), off unless the JVM runs with
 * {@code -Dspotfunnel.turn-trace=true}. Times are {@code System.nanoTime()}, which on Linux is the machine's
 * monotonic clock: the gateway's, the pipeline's and the load generator's lines can be compared directly. One line
 * per caller turn and per agent utterance (logger {@code spotfunnel.turn-trace}), nothing per frame.
 */
final class TurnTrace {

    static final boolean ON = Boolean.getBoolean("spotfunnel.turn-trace");
    /** Caller frames whose arrival is kept per call (1.28 s of audio). */
    static final int FRAMES = 64;

    private static final Logger LOG = Logger.getLogger("spotfunnel.turn-trace");

    private TurnTrace() {}

    /**
     * The pipeline reported the end of a caller utterance: the arrival of the last {@link #FRAMES} caller frames
     * (frame n is the n-th media frame of the stream, counted from 1), for the tool to find the one that completed it.
     */
    static void callerTurn(String callSid, int frames, long[] arrivals, long now) {
        StringBuilder line = new StringBuilder(40 + FRAMES * 20)
                .append("TT gw-endpoint ")
                .append(callSid)
                .append(' ')
                .append(now)
                .append(' ')
                .append(frames);
        for (int n = Math.max(1, frames - FRAMES + 1); n <= frames; n++) {
            line.append(' ').append(arrivals[n % FRAMES]);
        }
        LOG.info(line);
    }

    /** The first agent audio of an utterance came from the pipeline. */
    static void agentAudio(String callSid, String utteranceId, long now) {
        LOG.infof("TT gw-answer %s %s %d", callSid, utteranceId, now);
    }
}
