package com.spotfunnel.voice.gateway.media;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.spotfunnel.voice.events.serde.ContractJson;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Twilio Media Streams JSON in and out (shared/PROTOCOLS.md §3). Reading never throws. */
public final class MediaCodec {

    private static final ObjectMapper MAPPER = ContractJson.mapper();

    private MediaCodec() {}

    public static TwilioFrame read(String text) {
        TwilioFrame media = MediaFrameReader.read(MAPPER.getFactory(), text);
        return media != null ? media : readTree(text);
    }

    /** Any message, as a JSON tree: what {@link MediaFrameReader} leaves to it (everything but plain media frames). */
    static TwilioFrame readTree(String text) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (IOException | RuntimeException e) {
            return new TwilioFrame.Rejected("bad_json");
        }
        if (root == null || !root.isObject()) {
            return new TwilioFrame.Rejected("bad_json");
        }
        String streamSid = root.path("streamSid").asText(null);
        return switch (root.path("event").asText("")) {
            case "connected" -> new TwilioFrame.Connected();
            case "start" -> start(root, streamSid);
            case "media" -> media(root, streamSid);
            case "mark" ->
                textField(root.path("mark").path("name"), "bad_mark", name -> new TwilioFrame.Mark(streamSid, name));
            case "dtmf" ->
                textField(root.path("dtmf").path("digit"), "bad_dtmf", digit -> new TwilioFrame.Dtmf(streamSid, digit));
            case "stop" -> new TwilioFrame.Stop(streamSid);
            default -> new TwilioFrame.Rejected("unknown_event");
        };
    }

    private static TwilioFrame start(JsonNode root, String streamSid) {
        JsonNode start = root.path("start");
        String sid = streamSid != null ? streamSid : start.path("streamSid").asText(null);
        String callSid = start.path("callSid").asText(null);
        if (sid == null || callSid == null) {
            return new TwilioFrame.Rejected("bad_start");
        }
        Map<String, String> params = new LinkedHashMap<>();
        start.path("customParameters")
                .fields()
                .forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
        return new TwilioFrame.Start(sid, callSid, start.path("accountSid").asText(null), params);
    }

    private static TwilioFrame media(JsonNode root, String streamSid) {
        JsonNode media = root.path("media");
        String track = media.path("track").asText("inbound");
        if (!track.startsWith("inbound")) {
            return new TwilioFrame.Rejected("outbound_track");
        }
        JsonNode payload = media.path("payload");
        if (!payload.isTextual()) {
            return new TwilioFrame.Rejected("bad_media");
        }
        try {
            return new TwilioFrame.Media(streamSid, Base64.getDecoder().decode(payload.asText()));
        } catch (IllegalArgumentException e) {
            return new TwilioFrame.Rejected("bad_base64");
        }
    }

    private static TwilioFrame textField(
            JsonNode node, String reason, java.util.function.Function<String, TwilioFrame> make) {
        return node.isTextual() ? make.apply(node.asText()) : new TwilioFrame.Rejected(reason);
    }

    /** What this gateway sends on one stream, its JSON built once per stream. */
    public static Outbound outbound(String streamSid) {
        return new Outbound(streamSid);
    }

    /**
     * Twilio's outbound messages for one stream without a JSON tree per message: the fixed parts (event names and the
     * escaped streamSid) are built once, so a media message is one string concatenation around its base64 payload.
     */
    public static final class Outbound {

        private static final JsonStringEncoder ESCAPE = JsonStringEncoder.getInstance();
        private final String mediaPrefix;
        private final String markPrefix;
        private final String clear;

        private Outbound(String streamSid) {
            String sid = new String(ESCAPE.quoteAsString(streamSid));
            this.mediaPrefix = "{\"event\":\"media\",\"streamSid\":\"" + sid + "\",\"media\":{\"payload\":\"";
            this.markPrefix = "{\"event\":\"mark\",\"streamSid\":\"" + sid + "\",\"mark\":{\"name\":\"";
            this.clear = "{\"event\":\"clear\",\"streamSid\":\"" + sid + "\"}";
        }

        /** A media message carrying {@code length} bytes of μ-law from {@code audio}. */
        public String media(byte[] audio, int length) {
            byte[] bytes = length == audio.length ? audio : Arrays.copyOf(audio, length);
            return mediaPrefix + Base64.getEncoder().encodeToString(bytes) + "\"}}";
        }

        public String media(byte[] audio) {
            return media(audio, audio.length);
        }

        public String mark(String name) {
            return markPrefix + new String(ESCAPE.quoteAsString(name)) + "\"}}";
        }

        public String clear() {
            return clear;
        }
    }
}
