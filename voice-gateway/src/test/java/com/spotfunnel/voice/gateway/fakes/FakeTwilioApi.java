package com.spotfunnel.voice.gateway.fakes;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Twilio's REST API as WireMock plays it: {@code POST /2010-04-01/Accounts/{sid}/Calls/{callSid}.json}. */
public final class FakeTwilioApi {

    public static final String CALL_UPDATE = "/2010-04-01/Accounts/[^/]+/Calls/([^/]+)\\.json";
    private static FakeTwilioApi instance;

    private final WireMockServer server =
            new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    private FakeTwilioApi() {
        server.start();
        answerNormally();
    }

    public static synchronized FakeTwilioApi get() {
        if (instance == null) {
            instance = new FakeTwilioApi();
        }
        return instance;
    }

    public WireMockServer server() {
        return server;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** 200 with a Call resource, as Twilio answers an update of a live call. */
    public void answerNormally() {
        server.resetMappings();
        server.stubFor(post(urlPathMatching(CALL_UPDATE)).willReturn(okCall()));
    }

    public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okCall() {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"sid\":\"CA00000000000000000000000000000000\",\"status\":\"in-progress\"}");
    }

    /** The updates Twilio received for this call, oldest first. */
    public List<LoggedRequest> updatesOf(String callSid) {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                urlPathMatching("/2010-04-01/Accounts/[^/]+/Calls/" + callSid + "\\.json")));
    }

    public static Map<String, String> form(LoggedRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }
}
