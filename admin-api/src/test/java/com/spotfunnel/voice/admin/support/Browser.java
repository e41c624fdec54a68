package com.spotfunnel.voice.admin.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A browser for tests: a User-Agent, a cookie jar for admin-api (only admin-api sets cookies here) and a plain
 * HTTP client that follows redirects one by one, so a test sees every hop of the code flow. Like a browser's
 * scripts it may send requests in parallel.
 */
public final class Browser {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final URI app;
    private final String userAgent;
    private final Map<String, String> cookies = new ConcurrentHashMap<>();

    public Browser(URI app, String userAgent) {
        this.app = app;
        this.userAgent = userAgent;
    }

    /**
     * Signs in through the code flow: {@code /login} → the provider's login page (submitted as {@code user}) →
     * admin-api's callback → {@code /login} → the SPA.
     *
     * @return where the browser ends up (the SPA's URL)
     */
    public URI signIn(CodeFlowProvider provider, String user, Set<String> roles) {
        return signIn(provider.acceptLogin(user, roles), provider);
    }

    /** As {@link #signIn(CodeFlowProvider, String, Set)}, submitting the login form with this query. */
    public URI signIn(String loginForm, CodeFlowProvider provider) {
        HttpResponse<String> toProvider = get("/login", false);
        check(toProvider.statusCode() == 302, "GET /login should redirect to the provider", toProvider);
        URI authorize = location(toProvider);
        check(
                authorize.toString().startsWith(provider.baseUrl()),
                "not the provider's authorization endpoint",
                toProvider);
        Map<String, String> query = query(authorize);
        check(query.containsKey("code_challenge"), "PKCE is required", toProvider);

        String form = loginForm + "&state=" + encode(query.get("state")) + "&redirect_uri="
                + encode(query.get("redirect_uri"));
        HttpResponse<String> toCallback = send(URI.create(provider.baseUrl() + "/login?" + form), "GET", Map.of());
        check(toCallback.statusCode() == 302, "the provider should redirect back with a code", toCallback);

        URI next = location(toCallback);
        for (int hop = 0; hop < 5; hop++) {
            check(next.toString().startsWith(app.toString()), "left admin-api before reaching the SPA: " + next, null);
            HttpResponse<String> response = send(next, "GET", Map.of());
            check(response.statusCode() / 100 == 3, "expected a redirect at " + next, response);
            next = location(response);
            if (!next.toString().startsWith(app.toString())) {
                return next;
            }
        }
        throw new AssertionError("too many redirects inside admin-api");
    }

    /** A request of the SPA's scripts (they say so with X-Requested-With). */
    public HttpResponse<String> xhr(String method, String path) {
        return send(app.resolve(path), method, Map.of("X-Requested-With", "XMLHttpRequest"));
    }

    /** A top-level navigation (no X-Requested-With). */
    public HttpResponse<String> get(String path, boolean script) {
        return script ? xhr("GET", path) : send(app.resolve(path), "GET", Map.of());
    }

    public boolean hasSessionCookie() {
        return sessionCookie() != null;
    }

    /** The session cookie's value (null when there is none). */
    public String sessionCookie() {
        return cookies.entrySet().stream()
                .filter(c -> c.getKey().startsWith("q_session"))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    private HttpResponse<String> send(URI uri, String method, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("User-Agent", userAgent);
        headers.forEach(request::header);
        boolean toApp = uri.toString().startsWith(app.toString());
        if (toApp && !cookies.isEmpty()) {
            request.header(
                    "Cookie",
                    String.join(
                            "; ",
                            cookies.entrySet().stream()
                                    .map(c -> c.getKey() + "=" + c.getValue())
                                    .toList()));
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (toApp) {
                response.headers().allValues("Set-Cookie").forEach(this::remember);
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void remember(String setCookie) {
        String[] attributes = setCookie.split(";");
        String[] pair = attributes[0].split("=", 2);
        String name = pair[0].trim();
        String value = pair.length > 1 ? pair[1].trim() : "";
        boolean expired = value.isEmpty();
        for (String attribute : attributes) {
            if (attribute.trim().equalsIgnoreCase("Max-Age=0")) {
                expired = true;
            }
        }
        if (expired) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }

    private URI location(HttpResponse<String> response) {
        String location = response.headers()
                .firstValue("Location")
                .orElseThrow(() -> new AssertionError("no Location: " + response));
        return response.uri().resolve(location);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(
                    URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return params;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void check(boolean condition, String message, HttpResponse<String> response) {
        if (!condition) {
            throw new AssertionError(message
                    + (response == null
                            ? ""
                            : " (got " + response.statusCode() + " "
                                    + response.headers().map() + " " + response.body() + ")"));
        }
    }
}
