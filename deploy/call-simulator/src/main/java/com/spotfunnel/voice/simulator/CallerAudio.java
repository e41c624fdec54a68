package com.spotfunnel.voice.simulator;

/**
 * μ-law 8 kHz frames of 20 ms (160 bytes), as Twilio sends them: "speech" is a voiced tone loud enough for
 * an energy-based speech detector, silence is μ-law zero.
 */
public final class CallerAudio {

    public static final int FRAME_BYTES = 160;
    public static final int FRAME_MILLIS = 20;
    private static final byte MULAW_SILENCE = (byte) 0xFF;

    private CallerAudio() {
    }

    public static byte[] silence() {
        byte[] frame = new byte[FRAME_BYTES];
        java.util.Arrays.fill(frame, MULAW_SILENCE);
        return frame;
    }

    /** Frame {@code index} of a speech-like signal (a 220 Hz tone with a harmonic). */
    public static byte[] speech(int index) {
        byte[] frame = new byte[FRAME_BYTES];
        for (int i = 0; i < FRAME_BYTES; i++) {
            double t = (index * FRAME_BYTES + i) / 8000.0;
            double sample = 0.35 * Math.sin(2 * Math.PI * 220 * t) + 0.15 * Math.sin(2 * Math.PI * 660 * t);
            frame[i] = linearToMulaw((short) (sample * Short.MAX_VALUE));
        }
        return frame;
    }

    /** ITU-T G.711 μ-law encoding of one 16-bit sample. */
    static byte linearToMulaw(short pcm) {
        final int bias = 0x84;
        final int clip = 32635;
        int sign = (pcm >> 8) & 0x80;
        int magnitude = sign != 0 ? -pcm : pcm;
        if (magnitude > clip) {
            magnitude = clip;
        }
        magnitude += bias;
        int exponent = 7;
        for (int mask = 0x4000; (magnitude & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        int mantissa = (magnitude >> (exponent + 3)) & 0x0F;
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }
}
