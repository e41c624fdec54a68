package com.spotfunnel.voice.infra.testing;

import java.io.ByteArrayOutputStream;

/** Audio bytes for tests: a recognisable pattern per chunk, and chunks joined as a listener hears them. */
public final class TestAudio {

    private TestAudio() {}

    /** {@code length} bytes whose pattern differs by {@code seed}, so a misplaced chunk shows. */
    public static byte[] bytes(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (seed * 31 + i * 7);
        }
        return bytes;
    }

    /** The parts one after another. */
    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }
}
