package com.spotfunnel.voice.pipeline.stt;

/** G.711 μ-law decoding, for the simulated recognizer's energy detector. */
final class MuLaw {

    private static final short[] TABLE = new short[256];

    static {
        for (int i = 0; i < 256; i++) {
            int u = ~i & 0xFF;
            int t = ((u & 0x0F) << 3) + 0x84;
            t <<= (u & 0x70) >> 4;
            TABLE[i] = (short) ((u & 0x80) != 0 ? 0x84 - t : t - 0x84);
        }
    }

    private MuLaw() {}

    /** Mean absolute 16-bit sample value of a frame. */
    static int energy(byte[] frame) {
        if (frame.length == 0) {
            return 0;
        }
        long sum = 0;
        for (byte b : frame) {
            sum += Math.abs(TABLE[b & 0xFF]);
        }
        return (int) (sum / frame.length);
    }
}
