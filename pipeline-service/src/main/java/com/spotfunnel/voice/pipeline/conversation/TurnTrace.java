package com.spotfunnel.voice.pipeline.conversation;

import org.jboss.logging.Logger;

/**
 * Per-turn timestamps for the turn-latency breakdown ({@code deploy/bench/turn-hops}), off unless the JVM runs with
 * {@code -Dspotfunnel.turn-trace=true}. Times are {@code System.nanoTime()}, the machine's monotonic clock on Linux,
 * so they compare directly with the gateway's and the load generator's. One line per answered caller turn and one
 * per first write of an agent utterance (logger {@code spotfunnel.turn-trace}); nothing per frame.
 */
final class TurnTrace {

    static final boolean ON = Boolean.getBoolean("spotfunnel.turn-trace");

    private static final Logger LOG = Logger.getLogger("spotfunnel.turn-trace");

    private TurnTrace() {}

    /** One reply turn's steps inside the pipeline; 0 = did not happen. */
    static final class Reply {
        String callSid;
        String utteranceId;
        /** Caller frames received when the utterance ended, and when the frame that ended it arrived. */
        int frames;

        long endpointFrameNanos;
        long endpointNanos;
        /** The knowledge search: started (early: on the caller's interim words), done, and whether the early one served. */
        long searchStartedNanos;

        volatile long searchDoneNanos;
        boolean early;
        volatile long requestReadyNanos;
        volatile long firstSentenceNanos;
        volatile long firstAudioNanos;

        void log() {
            LOG.infof(
                    "TT pl-turn %s %s %d %d %d %d %d %s %d %d %d",
                    callSid,
                    utteranceId,
                    frames,
                    endpointFrameNanos,
                    endpointNanos,
                    searchStartedNanos,
                    searchDoneNanos,
                    early ? "early" : "late",
                    requestReadyNanos,
                    firstAudioNanos,
                    firstSentenceNanos);
        }
    }

    /** The first audio of an utterance was written to the gateway's socket. */
    static void written(String utteranceId, long now) {
        LOG.infof("TT pl-out %s %d", utteranceId, now);
    }
}
