package com.spotfunnel.voice.gateway.media;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Base64;

/**
 * Reads Twilio's media frames, 50 a second per call, with Jackson's streaming parser instead of a JSON tree: no tree
 * of nodes per frame. Only the plain shape Twilio sends is read here ({@code event} first and {@code "media"}, string
 * fields, {@code media} an object); anything else returns null and {@link MediaCodec#readTree} reads it, so every
 * message gets the same answer either way ({@code MediaFrameReaderTest}).
 */
final class MediaFrameReader {

    private MediaFrameReader() {}

    /** The frame, or null when this message is not a plain media frame (then the tree reader decides). */
    static TwilioFrame read(JsonFactory json, String text) {
        try (JsonParser parser = json.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT
                    || parser.nextToken() != JsonToken.FIELD_NAME
                    || !"event".equals(parser.currentName())
                    || parser.nextToken() != JsonToken.VALUE_STRING
                    || !"media".equals(parser.getText())) {
                return null;
            }
            String streamSid = null;
            String track = null;
            String payload = null;
            boolean mediaSeen = false;
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                if (token != JsonToken.FIELD_NAME) {
                    return null;
                }
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("event".equals(field)) {
                    return null; // a second event field: the tree reader keeps the last one
                } else if ("streamSid".equals(field)) {
                    if (value != JsonToken.VALUE_STRING) {
                        return null;
                    }
                    streamSid = parser.getText();
                } else if ("media".equals(field)) {
                    if (value != JsonToken.START_OBJECT || mediaSeen) {
                        return null;
                    }
                    mediaSeen = true;
                    for (JsonToken inner = parser.nextToken();
                            inner != JsonToken.END_OBJECT;
                            inner = parser.nextToken()) {
                        if (inner != JsonToken.FIELD_NAME) {
                            return null;
                        }
                        String name = parser.currentName();
                        JsonToken innerValue = parser.nextToken();
                        if ("track".equals(name) || "payload".equals(name)) {
                            if (innerValue != JsonToken.VALUE_STRING) {
                                return null;
                            }
                            if ("track".equals(name)) {
                                track = parser.getText();
                            } else {
                                payload = parser.getText();
                            }
                        } else {
                            parser.skipChildren();
                        }
                    }
                } else {
                    parser.skipChildren();
                }
            }
            if (!mediaSeen || payload == null) {
                return null;
            }
            if (track != null && !track.startsWith("inbound")) {
                return new TwilioFrame.Rejected("outbound_track");
            }
            try {
                return new TwilioFrame.Media(streamSid, Base64.getDecoder().decode(payload));
            } catch (IllegalArgumentException e) {
                return new TwilioFrame.Rejected("bad_base64");
            }
        } catch (IOException | RuntimeException e) {
            return null; // not JSON, or not this shape: the tree reader says which
        }
    }
}
