package com.spotfunnel.voice.support.websocket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One message per turn, in order, never above {@link TurnAudio#MAX_MESSAGE_BYTES}. */
class TurnAudioTest {

    private final List<Runnable> afterTurn = new ArrayList<>();
    private final List<byte[]> written = new ArrayList<>();
    private final TurnAudio audio =
            new TurnAudio(afterTurn::add, (bytes, length) -> written.add(Arrays.copyOf(bytes, length)));

    @Test
    void aLongBurstIsSplitUnderTheMessageLimitInOrder() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (int i = 0; i < 50; i++) { // 50 chunks of 200 ms: 10 s synthesised at once
            byte[] chunk = new byte[1600];
            Arrays.fill(chunk, (byte) i);
            audio.add(chunk);
            all.writeBytes(chunk);
        }
        endTurn();

        assertTrue(written.size() > 1, "10 s is more than one message may carry");
        assertTrue(written.stream().allMatch(m -> m.length <= TurnAudio.MAX_MESSAGE_BYTES));
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        written.forEach(joined::writeBytes);
        assertArrayEquals(all.toByteArray(), joined.toByteArray());
    }

    @Test
    void aTurnsChunksAreOneMessageAndDropForgetsThem() {
        audio.add(new byte[] {1, 2});
        audio.add(new byte[] {3});
        endTurn();
        audio.add(new byte[] {4});
        audio.drop();
        endTurn();

        assertEquals(1, written.size());
        assertArrayEquals(new byte[] {1, 2, 3}, written.get(0));
    }

    private void endTurn() {
        List<Runnable> tasks = new ArrayList<>(afterTurn);
        afterTurn.clear();
        tasks.forEach(Runnable::run);
    }
}
