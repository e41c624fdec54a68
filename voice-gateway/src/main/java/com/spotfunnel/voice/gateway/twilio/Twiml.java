package com.spotfunnel.voice.gateway.twilio;

import com.twilio.twiml.TwiMLException;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Connect;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Number;
import com.twilio.twiml.voice.Parameter;
import com.twilio.twiml.voice.Say;
import com.twilio.twiml.voice.Stream;
import java.util.Map;

/** The TwiML documents the gateway answers with, built with twilio-java's TwiML classes. */
public final class Twiml {

    private Twiml() {}

    /** Connects the call to a bidirectional Media Stream; the parameters arrive in {@code start.customParameters}. */
    public static String connectStream(String wssUrl, Map<String, String> parameters) {
        Stream.Builder stream = new Stream.Builder().url(wssUrl);
        parameters.forEach((name, value) -> {
            if (value != null) {
                stream.parameter(new Parameter.Builder().name(name).value(value).build());
            }
        });
        return xml(new VoiceResponse.Builder()
                .connect(new Connect.Builder().stream(stream.build()).build())
                .build());
    }

    public static String sayThenHangup(String message) {
        return xml(new VoiceResponse.Builder()
                .say(new Say.Builder(message).build())
                .hangup(new Hangup.Builder().build())
                .build());
    }

    /** Says the message, then dials the number; Twilio posts the dial's outcome to {@code actionUrl}. */
    public static String sayThenDial(String message, String number, String actionUrl, int timeoutSeconds) {
        VoiceResponse.Builder response = new VoiceResponse.Builder();
        if (message != null && !message.isBlank()) {
            response.say(new Say.Builder(message).build());
        }
        Dial dial = new Dial.Builder(number)
                .action(actionUrl)
                .timeout(timeoutSeconds)
                .build();
        return xml(response.dial(dial).build());
    }

    /**
     * Dials the number for {@code timeoutSeconds}; when the person answers Twilio runs {@code answeredUrl}'s TwiML on
     * their leg before connecting the caller, and the Dial's outcome goes to {@code actionUrl}.
     */
    public static String dialAndReport(String number, String actionUrl, String answeredUrl, int timeoutSeconds) {
        Dial dial = new Dial.Builder()
                .action(actionUrl)
                .timeout(timeoutSeconds)
                .number(new Number.Builder(number).url(answeredUrl).build())
                .build();
        return xml(new VoiceResponse.Builder().dial(dial).build());
    }

    /** Said to the person answering a warm transfer before the caller is connected. */
    public static String whisper(String text) {
        return xml(
                new VoiceResponse.Builder().say(new Say.Builder(text).build()).build());
    }

    public static String hangup() {
        return xml(
                new VoiceResponse.Builder().hangup(new Hangup.Builder().build()).build());
    }

    public static String empty() {
        return xml(new VoiceResponse.Builder().build());
    }

    private static String xml(VoiceResponse response) {
        try {
            return response.toXml();
        } catch (TwiMLException e) {
            throw new IllegalStateException("Cannot write TwiML", e);
        }
    }
}
