package com.spotfunnel.voice.gateway.twilio;

import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * twilio-java's HTTP client with our timeouts, no retries of its own (the caller's fault-tolerance policy
 * decides), and optionally another base URL than {@code https://api.twilio.com} (a local fake in tests).
 */
final class BaseUrlHttpClient extends HttpClient {

    private final NetworkHttpClient delegate;
    private final String baseUrl;

    BaseUrlHttpClient(String baseUrl, Duration connectTimeout, Duration readTimeout) {
        this.baseUrl = baseUrl == null || baseUrl.isBlank() ? null : TwilioSignature.stripSlash(baseUrl);
        RequestConfig requestConfig = RequestConfig.custom()
                .setConnectTimeout(Timeout.ofMilliseconds(connectTimeout.toMillis()))
                .setConnectionRequestTimeout(Timeout.ofMilliseconds(connectTimeout.toMillis()))
                .setResponseTimeout(Timeout.ofMilliseconds(readTimeout.toMillis()))
                .build();
        SocketConfig socketConfig = SocketConfig.custom()
                .setSoTimeout(Timeout.ofMilliseconds(readTimeout.toMillis()))
                .build();
        this.delegate = new NetworkHttpClient(requestConfig, socketConfig);
    }

    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    @Override
    public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
        return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request request) {
        return delegate.makeRequest(baseUrl == null ? request : rebased(request));
    }

    private Request rebased(Request original) {
        String url = original.getUrl().replaceFirst("^https?://[^/]+", baseUrl);
        Request copy = new Request(original.getMethod(), url);
        if (original.getUsername() != null) {
            copy.setAuth(original.getUsername(), original.getPassword());
        } else if (original.getAuthStrategy() != null) {
            copy.setAuth(original.getAuthStrategy());
        }
        copy.setContentType(original.getContentType());
        copy.setBody(original.getBody());
        copy.setUserAgentExtensions(original.getUserAgentExtensions());
        copyInto(original.getQueryParams(), copy::addQueryParam);
        copyInto(original.getPostParams(), copy::addPostParam);
        copyInto(original.getHeaderParams(), copy::addHeaderParam);
        return copy;
    }

    private static void copyInto(Map<String, List<String>> params, java.util.function.BiConsumer<String, String> add) {
        params.forEach((name, values) -> values.forEach(value -> add.accept(name, value)));
    }
}
