package com.spotfunnel.voice.gateway.fakes;

import static io.restassured.RestAssured.given;

import com.spotfunnel.voice.simulator.TwilioSignature;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;

/** What Twilio does to the gateway over HTTP: signed webhooks, and the Media Stream the TwiML asks for. */
public final class TwilioSimulator {

    public static final String ACCOUNT_SID = "AC" + "0".repeat(31) + "1";

    private final String authToken;
    private final String publicBaseUrl;
    private Map<String, String> streamParameters = Map.of();

    public TwilioSimulator() {
        var config = ConfigProvider.getConfig();
        this.authToken = config.getValue("gateway.twilio.auth-token", String.class);
        this.publicBaseUrl = config.getValue("gateway.public-base-url", String.class);
    }

    public static String newCallSid() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return "CA" + HexFormat.of().formatHex(bytes);
    }

    public static Map<String, String> incomingCall(String callSid, String from, String to) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("CallSid", callSid);
        params.put("AccountSid", ACCOUNT_SID);
        params.put("From", from);
        params.put("To", to);
        params.put("Caller", from);
        params.put("Called", to);
        params.put("CallStatus", "ringing");
        params.put("ApiVersion", "2010-04-01");
        params.put("Direction", "inbound");
        return params;
    }

    /** What Twilio posts to a {@code <Dial action>}: the parent call's parameters and the Dial's outcome. */
    public static Map<String, String> dialResult(String callSid, String from, String to, String outcome) {
        Map<String, String> params = incomingCall(callSid, from, to);
        params.put("CallStatus", "in-progress");
        params.put("DialCallStatus", outcome);
        params.put("DialCallSid", newCallSid());
        params.put("DialCallDuration", "0");
        return params;
    }

    /** POSTs the form signed over the public URL of {@code pathAndQuery}, as Twilio would. */
    public Response post(String pathAndQuery, Map<String, String> params) {
        return post(pathAndQuery, params, sign(pathAndQuery, params));
    }

    public Response post(String pathAndQuery, Map<String, String> params, String signature) {
        var request = given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParams(new HashMap<>(params))
                .urlEncodingEnabled(true);
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        return request.post(pathAndQuery);
    }

    public String sign(String pathAndQuery, Map<String, String> params) {
        return TwilioSignature.sign(authToken, publicBaseUrl + pathAndQuery, params);
    }

    /** Places a call: the voice webhook, then the Media Stream its TwiML names, started. */
    public MediaStreamClient placeCall(String callSid, String from, String to) throws Exception {
        MediaStreamClient stream = MediaStreamClient.open(RestAssured.port);
        stream.connectedAndStart(answer(callSid, from, to), streamParameters);
        return stream;
    }

    /**
     * The voice webhook alone: returns the CallSid and remembers the stream's {@code <Parameter>}s, which Twilio
     * would echo in the start frame ({@link #lastStreamParameters()}).
     */
    public String answer(String callSid, String from, String to) {
        String twiml = post("/twilio/voice", incomingCall(callSid, from, to))
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Map<String, String> parameters = streamParameters(twiml);
        streamParameters = parameters;
        return callSid;
    }

    /**
     * The {@code <Parameter>}s of the {@code <Connect><Stream>} in {@code twiml}, which Twilio echoes in the stream's
     * start; fails unless the stream goes to the gateway's public wss URL.
     */
    public Map<String, String> streamParameters(String twiml) {
        Matcher url = Pattern.compile("<Stream url=\"([^\"]+)\"").matcher(twiml);
        if (!url.find()) {
            throw new AssertionError("no <Stream> in " + twiml);
        }
        if (!url.group(1).equals(publicBaseUrl.replaceFirst("^http", "ws") + "/twilio/media")) {
            throw new AssertionError("unexpected stream url " + url.group(1));
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        Matcher parameter = Pattern.compile("<Parameter name=\"([^\"]+)\" value=\"([^\"]*)\"/>")
                .matcher(twiml);
        while (parameter.find()) {
            parameters.put(parameter.group(1), unescape(parameter.group(2)));
        }
        return parameters;
    }

    /** The {@code <Parameter>}s of the last {@link #answer}. */
    public Map<String, String> lastStreamParameters() {
        return new LinkedHashMap<>(streamParameters);
    }

    private static String unescape(String xml) {
        return xml.replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&apos;", "'")
                .replace("&amp;", "&");
    }
}
