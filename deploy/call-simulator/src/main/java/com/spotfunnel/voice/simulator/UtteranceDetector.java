package com.spotfunnel.voice.simulator;

/**
 * The end of a caller's utterance, detected the way pipeline-service's simulated recognizer does it
 * ({@code SimulatedStt.EnergySession}): a 20 ms μ-law frame is speech when its mean absolute 16-bit sample value
 * is above a threshold (500); speech counts after 60 ms of it; the utterance ends after {@code silence} (600 ms)
 * of audio without speech, counted in audio bytes so it needs no timer. The reference gateway answers exactly when
 * the platform's recognizer would, so the two are compared on the same turn boundaries.
 */
public final class UtteranceDetector {

    public static final int DEFAULT_ENERGY_THRESHOLD = 500;
    private static final int SPEECH_START_BYTES = 480;
    private static final short[] MULAW_TO_LINEAR = new short[256];

    static {
        for (int i = 0; i < 256; i++) {
            int u = ~i & 0xFF;
            int t = ((u & 0x0F) << 3) + 0x84;
            t <<= (u & 0x70) >> 4;
            MULAW_TO_LINEAR[i] = (short) ((u & 0x80) != 0 ? 0x84 - t : t - 0x84);
        }
    }

    /** What one frame changed. */
    public enum Event {
        NONE,
        SPEECH_STARTED,
        UTTERANCE_ENDED
    }

    private final int threshold;
    private final int silenceBytes;
    private int speechBytes;
    private int quietBytes;
    private boolean speaking;

    public UtteranceDetector(int threshold, long silenceMillis) {
        this.threshold = threshold;
        this.silenceBytes = (int) (silenceMillis * 8);
    }

    public Event accept(byte[] audio) {
        if (energy(audio) > threshold) {
            quietBytes = 0;
            speechBytes += audio.length;
            if (!speaking && speechBytes >= SPEECH_START_BYTES) {
                speaking = true;
                return Event.SPEECH_STARTED;
            }
            return Event.NONE;
        }
        if (!speaking) {
            speechBytes = 0;
            return Event.NONE;
        }
        quietBytes += audio.length;
        if (quietBytes < silenceBytes) {
            return Event.NONE;
        }
        speaking = false;
        speechBytes = 0;
        quietBytes = 0;
        return Event.UTTERANCE_ENDED;
    }

    /** Mean absolute 16-bit sample value of a μ-law frame. */
    static int energy(byte[] frame) {
        if (frame.length == 0) {
            return 0;
        }
        long sum = 0;
        for (byte b : frame) {
            sum += Math.abs(MULAW_TO_LINEAR[b & 0xFF]);
        }
        return (int) (sum / frame.length);
    }
}
