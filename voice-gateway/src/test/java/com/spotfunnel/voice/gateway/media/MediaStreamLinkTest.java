package com.spotfunnel.voice.gateway.media;

import static com.spotfunnel.voice.infra.testing.TestAudio.bytes;
import static com.spotfunnel.voice.infra.testing.TestAudio.concat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.spotfunnel.voice.infra.testing.EventLoopTurns;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What reaches Twilio from one stream's link: the agent's chunks of one event-loop turn as one media message of
 * exactly Twilio's outbound shape (shared/PROTOCOLS.md §3), marks after the audio before them, clear dropping
 * audio not yet written.
 */
class MediaStreamLinkTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SID = "MZ" + "0123456789abcdef".repeat(2);

    private final FakeSocket socket = new FakeSocket();
    private final MediaStreamLink link = new MediaStreamLink(SID, socket);

    @Test
    void chunksOfOneTurnReachTwilioAsOneMediaMessage() throws Exception {
        byte[] a = bytes(1600, 1);
        byte[] b = bytes(1600, 2);
        byte[] c = bytes(320, 3);
        link.sendAudio(a);
        link.sendAudio(b);
        link.sendAudio(c);
        assertTrue(socket.sent.isEmpty(), "nothing is written before the turn is over");

        socket.endTurn();

        assertEquals(1, socket.sent.size(), "one message, one write");
        assertArrayEquals(concat(a, b, c), payloadOf(media(socket.sent.get(0))));
    }

    @Test
    void eachTurnsAudioIsItsOwnMessage() throws Exception {
        link.sendAudio(bytes(160, 1));
        socket.endTurn();
        link.sendAudio(bytes(160, 2));
        socket.endTurn();

        assertEquals(2, socket.sent.size());
        assertArrayEquals(bytes(160, 2), payloadOf(media(socket.sent.get(1))));
    }

    @Test
    void aMarkFollowsTheAudioBeforeIt() throws Exception {
        link.sendAudio(bytes(800, 1));
        link.sendAudio(bytes(800, 2));
        link.sendMark("call-1-2");
        socket.endTurn();

        assertEquals(2, socket.sent.size(), "the audio, then the mark; the turn's end has nothing left to send");
        assertArrayEquals(concat(bytes(800, 1), bytes(800, 2)), payloadOf(media(socket.sent.get(0))));
        JsonNode mark = strict(socket.sent.get(1), "event", "streamSid", "mark");
        assertEquals("mark", mark.get("event").asText());
        assertEquals(SID, mark.get("streamSid").asText());
        assertEquals("call-1-2", mark.get("mark").get("name").asText());
        assertEquals(1, mark.get("mark").size());
    }

    @Test
    void clearDropsAudioNotYetWrittenAndIsSentAtOnce() throws Exception {
        link.sendAudio(bytes(1600, 1));
        link.sendClear();
        socket.endTurn();

        assertEquals(1, socket.sent.size());
        JsonNode clear = strict(socket.sent.get(0), "event", "streamSid");
        assertEquals("clear", clear.get("event").asText());
        assertEquals(SID, clear.get("streamSid").asText());
    }

    @Test
    void closingWritesTheTurnsAudioFirst() throws Exception {
        link.sendAudio(bytes(160, 1));
        link.close();

        assertEquals(1, socket.sent.size());
        assertEquals(1, socket.closes);
        assertArrayEquals(bytes(160, 1), payloadOf(media(socket.sent.get(0))));
    }

    @Test
    void aClosedSocketGetsNothing() {
        socket.open = false;
        link.sendAudio(bytes(160, 1));
        link.sendMark("m");
        link.sendClear();
        socket.endTurn();

        assertTrue(socket.sent.isEmpty());
    }

    @Test
    void namesAndStreamSidsAreEscaped() throws Exception {
        FakeSocket other = new FakeSocket();
        MediaStreamLink odd = new MediaStreamLink("MZ\"quoted\\", other);
        odd.sendMark("a \"name\"\n");

        JsonNode mark = strict(other.sent.get(0), "event", "streamSid", "mark");
        assertEquals("MZ\"quoted\\", mark.get("streamSid").asText());
        assertEquals("a \"name\"\n", mark.get("mark").get("name").asText());
    }

    private static JsonNode media(String text) throws Exception {
        JsonNode media = strict(text, "event", "streamSid", "media");
        assertEquals("media", media.get("event").asText());
        assertEquals(SID, media.get("streamSid").asText());
        assertEquals(1, media.get("media").size(), "media carries only its payload");
        return media;
    }

    private static byte[] payloadOf(JsonNode media) {
        return Base64.getDecoder().decode(media.get("media").get("payload").asText());
    }

    /** Parses the message and checks it has exactly these top-level fields, in this order. */
    private static JsonNode strict(String text, String... fields) throws Exception {
        JsonNode node = JSON.readTree(text);
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        assertEquals(List.of(fields), names, text);
        return node;
    }

    /** The connection: what was written, and the tasks waiting for the end of the event-loop turn. */
    private static final class FakeSocket implements MediaStreamLink.Socket {
        final List<String> sent = new ArrayList<>();
        final EventLoopTurns turns = new EventLoopTurns();
        boolean open = true;
        int closes;

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void sendText(String json) {
            sent.add(json);
        }

        @Override
        public void close() {
            closes++;
            open = false;
        }

        @Override
        public void afterThisTurn(Runnable task) {
            turns.later(task);
        }

        void endTurn() {
            turns.end();
        }
    }
}
