package com.spotfunnel.voice.simulator;

import java.util.Base64;
import java.util.stream.IntStream;

/**
 * μ-law 8 kHz frames of 20 ms (160 bytes), as Twilio sends them: "speech" is a voiced tone loud enough for
 * an energy-based speech detector, silence is μ-law zero.
 */
public final class CallerAudio {

    public static final int FRAME_BYTES = 160;
    public static final int FRAME_MILLIS = 20;
    private static final byte MULAW_SILENCE = (byte) 0xFF;
    /** 220 Hz and 660 Hz both complete whole cycles in 100 ms: the speech signal repeats every 5 frames. */
    private static final int SPEECH_PERIOD_FRAMES = 5;

    private static final String SILENCE_BASE64 = Base64.getEncoder().encodeToString(silence());
    private static final String[] SPEECH_BASE64 = IntStream.range(0, SPEECH_PERIOD_FRAMES)
            .mapToObj(i -> Base64.getEncoder().encodeToString(speech(i)))
            .toArray(String[]::new);

    private CallerAudio() {}

    public static byte[] silence() {
        byte[] frame = new byte[FRAME_BYTES];
        java.util.Arrays.fill(frame, MULAW_SILENCE);
        return frame;
    }

    /** Frame {@code index} of a speech-like signal (a 220 Hz tone with a harmonic). */
    public static byte[] speech(int index) {
        byte[] frame = new byte[FRAME_BYTES];
        int inPeriod = Math.floorMod(index, SPEECH_PERIOD_FRAMES);
        for (int i = 0; i < FRAME_BYTES; i++) {
            double t = (inPeriod * FRAME_BYTES + i) / 8000.0;
            double sample = 0.35 * Math.sin(2 * Math.PI * 220 * t) + 0.15 * Math.sin(2 * Math.PI * 660 * t);
            frame[i] = linearToMulaw((short) (sample * Short.MAX_VALUE));
        }
        return frame;
    }

    /** {@link #silence()} as a Media Streams payload (base64), encoded once: a load run sends it 10 000 times a second. */
    public static String silenceBase64() {
        return SILENCE_BASE64;
    }

    /** {@link #speech(int)} as a Media Streams payload (base64), from the signal's one encoded period. */
    public static String speechBase64(int index) {
        return SPEECH_BASE64[Math.floorMod(index, SPEECH_PERIOD_FRAMES)];
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
