package com.spotfunnel.voice.gateway.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The streaming reader of media frames gives every message the answer the JSON-tree reader gives. */
class MediaFrameReaderTest {

    private static final String SID = "MZ" + "a".repeat(32);
    private static final String PAYLOAD = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, (byte) 0xFF});

    @Test
    void twiliosMediaFrameIsReadWithoutATree() {
        String text = "{\"event\":\"media\",\"sequenceNumber\":\"4\",\"media\":{\"track\":\"inbound\",\"chunk\":\"2\","
                + "\"timestamp\":\"20\",\"payload\":\"" + PAYLOAD + "\"},\"streamSid\":\"" + SID + "\"}";
        TwilioFrame frame = MediaFrameReader.read(
                com.spotfunnel.voice.events.serde.ContractJson.mapper().getFactory(), text);
        assertNotNull(frame, "the plain shape is read by the streaming reader");
        TwilioFrame.Media media = assertInstanceOf(TwilioFrame.Media.class, frame);
        assertEquals(SID, media.streamSid());
        assertEquals("[1, 2, 3, -1]", Arrays.toString(media.audio()));
    }

    @Test
    void everyMessageGetsTheSameAnswerAsFromTheTreeReader() {
        List<String> messages = List.of(
                media("{\"track\":\"inbound\",\"payload\":\"" + PAYLOAD + "\"}", true),
                media("{\"track\":\"inbound\",\"payload\":\"" + PAYLOAD + "\"}", false),
                media("{\"payload\":\"" + PAYLOAD + "\"}", true),
                media("{\"track\":\"outbound\",\"payload\":\"" + PAYLOAD + "\"}", true),
                media("{\"track\":\"inbound_track\",\"payload\":\"" + PAYLOAD + "\"}", true),
                media("{\"track\":\"inbound\",\"payload\":\"!!!not-base64!!!\"}", true),
                media("{\"track\":\"inbound\",\"payload\":42}", true),
                media("{\"track\":7,\"payload\":\"" + PAYLOAD + "\"}", true),
                media("{\"track\":\"inbound\"}", true),
                media("\"text\"", true),
                media("{\"track\":\"inbound\",\"payload\":\"AAAA\",\"payload\":\"" + PAYLOAD + "\"}", true),
                media(
                        "{\"track\":\"inbound\",\"extra\":{\"a\":[1,2,{\"b\":null}]},\"payload\":\"" + PAYLOAD + "\"}",
                        true),
                "{\"event\":\"media\",\"streamSid\":null,\"media\":{\"payload\":\"" + PAYLOAD + "\"}}",
                "{\"event\":\"media\",\"streamSid\":12,\"media\":{\"payload\":\"" + PAYLOAD + "\"}}",
                "{\"event\":\"media\",\"media\":{\"payload\":\"" + PAYLOAD + "\"},\"event\":\"stop\"}",
                "{\"event\":\"media\",\"media\":{\"payload\":\"" + PAYLOAD + "\"},\"media\":{\"payload\":\"AAAA\"}}",
                "{\"event\":\"media\",\"media\":{\"payload\":\"" + PAYLOAD + "\"}} trailing",
                "{\"event\":\"media\",\"media\":{\"payload\":\"" + PAYLOAD + "\"}",
                "{\"event\":\"media\",\"media\":{\"payload\":\"" + PAYLOAD + "\"",
                "{\"event\":\"media\",\"media\":{\"payload\":\"" + PAYLOAD + "\"},\"x\":}",
                "{\"streamSid\":\"" + SID + "\",\"event\":\"media\",\"media\":{\"payload\":\"" + PAYLOAD + "\"}}",
                "{\"event\":\"mark\",\"streamSid\":\"" + SID + "\",\"mark\":{\"name\":\"u1\"}}",
                "{\"event\":\"stop\",\"streamSid\":\"" + SID + "\"}",
                "{\"event\":\"wobble\"}",
                "{not json",
                "[]",
                "",
                "null");
        for (String text : messages) {
            assertEquals(describe(MediaCodec.readTree(text)), describe(MediaCodec.read(text)), text);
        }
    }

    private static String media(String mediaObject, boolean withSid) {
        return "{\"event\":\"media\"," + (withSid ? "\"streamSid\":\"" + SID + "\"," : "") + "\"media\":" + mediaObject
                + "}";
    }

    private static String describe(TwilioFrame frame) {
        return frame instanceof TwilioFrame.Media media
                ? "Media(" + media.streamSid() + ", " + Arrays.toString(media.audio()) + ")"
                : frame.toString();
    }
}
