package com.spotfunnel.voice.gateway.media;

import java.util.Map;

/** A Media Streams message from Twilio, read and checked by {@link MediaCodec}. */
public sealed interface TwilioFrame {

    record Connected() implements TwilioFrame {}

    record Start(String streamSid, String callSid, String accountSid, Map<String, String> customParameters)
            implements TwilioFrame {}

    record Media(String streamSid, byte[] audio) implements TwilioFrame {}

    record Mark(String streamSid, String name) implements TwilioFrame {}

    record Dtmf(String streamSid, String digit) implements TwilioFrame {}

    record Stop(String streamSid) implements TwilioFrame {}

    /** Not something to act on; {@code reason} is a metric tag. */
    record Rejected(String reason) implements TwilioFrame {}
}
