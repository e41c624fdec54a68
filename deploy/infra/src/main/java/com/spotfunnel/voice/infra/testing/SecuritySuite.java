package com.spotfunnel.voice.infra.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Walks every operation of the service's own OpenAPI document (/q/openapi) as an attacker and a careless client
 * would: with every kind of token, and with hostile values in every parameter and body field. Fails on any 5xx, on
 * any 2xx the role matrix does not allow, on any error answer without a problem+json body, and on any status the
 * document does not list for the operation (the contract). The role matrix is data: {@link #roleMatrix()} names a
 * classpath JSON file {@code {"operationId": ["admin", "customer", ...]}} listing the token kinds that may get a 2xx.
 */
public abstract class SecuritySuite {

    /** The kinds of token every operation is tried with; a service maps each to a bearer token (null = none). */
    public static final List<String> TOKEN_KINDS = List.of(
            "none", "garbage", "forged", "otherAudience", "customer", "otherTenantCustomer", "admin", "service");

    /** Values no parameter should answer with a 5xx. */
    public static final List<String> HOSTILE = List.of(
            "\u0000",
            "x".repeat(1000),
            "-1",
            "abc",
            "1.5",
            "\u00fc\u202e\ud83d\ude00",
            "../../etc/passwd",
            "' OR 1=1--",
            "%00",
            "9".repeat(30),
            "+1000000000-12-31T23:59:59Z");

    private static final List<Object> HOSTILE_JSON = List.of(
            "\u0000", "x".repeat(3000), -1, 1.5, true, List.of("a"), Map.of("a", 1), "' OR 1=1--", "../../etc/passwd");

    /** Bearer token per kind of {@link #TOKEN_KINDS}; {@code null} for none. */
    protected abstract Map<String, String> tokens();

    /** A real value for each path parameter name (a tenant, a call of it), so allowed requests reach the code. */
    protected abstract Map<String, String> pathValues();

    /** The classpath resource holding the role matrix. */
    protected abstract String roleMatrix();

    /** Query parameters to send on every request of this kind of token (admins of dashboard-api name a tenant). */
    protected Map<String, String> queryFor(String tokenKind) {
        return Map.of();
    }

    @Test
    void everyOperationWithEveryKindOfToken() {
        Map<String, List<String>> matrix = matrix();
        List<String> findings = new ArrayList<>();
        for (Operation operation : operations()) {
            assertTrue(matrix.containsKey(operation.id()), "the role matrix has no row for " + operation.id());
            for (String kind : TOKEN_KINDS) {
                Response response = send(operation, kind, pathValues(), queryFor(kind), Map.of());
                check(operation, kind, response, matrix.get(operation.id()), findings);
            }
        }
        assertTrue(findings.isEmpty(), () -> findings.size() + " findings:\n" + String.join("\n", findings));
    }

    @Test
    void hostileValuesInEveryParameterAndBodyField() {
        Map<String, List<String>> matrix = matrix();
        List<String> findings = new ArrayList<>();
        for (Operation operation : operations()) {
            String kind = matrix.getOrDefault(operation.id(), List.of("admin")).stream()
                    .filter(k -> !k.equals("none"))
                    .findFirst()
                    .orElse("admin");
            for (String parameter : operation.pathParameters()) {
                for (String value : HOSTILE) {
                    Map<String, String> path = new LinkedHashMap<>(pathValues());
                    path.put(parameter, value);
                    check(
                            operation,
                            kind + " " + parameter + "=" + shown(value),
                            send(operation, kind, path, queryFor(kind), Map.of()),
                            null,
                            findings);
                }
            }
            for (String parameter : operation.queryParameters()) {
                for (String value : HOSTILE) {
                    Map<String, String> query = new LinkedHashMap<>(queryFor(kind));
                    query.put(parameter, value);
                    check(
                            operation,
                            kind + " ?" + parameter + "=" + shown(value),
                            send(operation, kind, pathValues(), query, Map.of()),
                            null,
                            findings);
                }
            }
            for (String field : operation.bodyFields()) {
                for (Object value : HOSTILE_JSON) {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put(field, value);
                    check(
                            operation,
                            kind + " body " + field + "=" + shown(String.valueOf(value)),
                            send(operation, kind, pathValues(), queryFor(kind), body),
                            null,
                            findings);
                }
            }
        }
        assertTrue(findings.isEmpty(), () -> findings.size() + " findings:\n" + String.join("\n", findings));
    }

    private void check(
            Operation operation, String what, Response response, List<String> allowed, List<String> findings) {
        int status = response.statusCode();
        String where =
                operation.method() + " " + operation.path() + " (" + operation.id() + ") as " + what + " → " + status;
        // 503 is a dependency being down (documented, with Retry-After), not our bug; every other 5xx is.
        if (status >= 500 && !(status == 503 && operation.statuses().contains("503"))) {
            findings.add(where + ": a server error");
        }
        if (status >= 200 && status < 300 && allowed != null && !allowed.contains(what)) {
            findings.add(where + ": the role matrix does not allow a 2xx");
        }
        if (status >= 400 && !String.valueOf(response.contentType()).startsWith("application/problem+json")) {
            findings.add(where + ": no problem+json body (" + response.contentType() + ")");
        }
        if (!operation.statuses().contains(Integer.toString(status))) {
            findings.add(where + ": status not documented (documented: " + operation.statuses() + ")");
        }
    }

    private Response send(
            Operation operation,
            String kind,
            Map<String, String> path,
            Map<String, String> query,
            Map<String, Object> body) {
        String token = tokens().get(kind);
        RequestSpecification request = given().redirects().follow(false).urlEncodingEnabled(true);
        if (token != null) {
            request.auth().oauth2(token);
        }
        String url = operation.path();
        for (String parameter : operation.pathParameters()) {
            String value = path.getOrDefault(parameter, "unknown");
            url = url.replace(
                    "{" + parameter + "}",
                    java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        request.urlEncodingEnabled(false);
        StringBuilder queryString = new StringBuilder();
        query.forEach((name, value) -> queryString
                .append(queryString.isEmpty() ? "?" : "&")
                .append(name)
                .append('=')
                .append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8)));
        if (operation.hasBody()) {
            request.contentType("application/json").body(body);
        }
        return request.request(operation.method(), url + queryString);
    }

    private static String shown(String value) {
        String printable = value.replace("\u0000", "\\0");
        return printable.length() > 24 ? printable.substring(0, 24) + "…(" + value.length() + ")" : printable;
    }

    /** One operation of the document. */
    public record Operation(
            String method,
            String path,
            String id,
            List<String> pathParameters,
            List<String> queryParameters,
            boolean hasBody,
            List<String> bodyFields,
            List<String> statuses) {}

    @SuppressWarnings("unchecked")
    protected static List<Operation> operations() {
        Map<String, Object> document = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("$");
        Map<String, Object> schemas = (Map<String, Object>)
                ((Map<String, Object>) document.getOrDefault("components", Map.of())).getOrDefault("schemas", Map.of());
        List<Operation> operations = new ArrayList<>();
        ((Map<String, Object>) document.get("paths"))
                .forEach((path, item) -> ((Map<String, Object>) item).forEach((method, value) -> {
                    if (!List.of("get", "put", "post", "delete", "patch").contains(method)) {
                        return;
                    }
                    Map<String, Object> op = (Map<String, Object>) value;
                    List<String> pathParameters = new ArrayList<>();
                    List<String> queryParameters = new ArrayList<>();
                    for (Map<String, Object> parameter :
                            (List<Map<String, Object>>) op.getOrDefault("parameters", List.of())) {
                        ("path".equals(parameter.get("in"))
                                        ? pathParameters
                                        : "query".equals(parameter.get("in"))
                                                ? queryParameters
                                                : new ArrayList<String>())
                                .add((String) parameter.get("name"));
                    }
                    Map<String, Object> requestBody = (Map<String, Object>) op.get("requestBody");
                    operations.add(new Operation(
                            method.toUpperCase(),
                            path,
                            String.valueOf(op.get("operationId")),
                            pathParameters,
                            queryParameters,
                            requestBody != null,
                            bodyFields(requestBody, schemas),
                            new ArrayList<>(((Map<String, Object>) op.getOrDefault("responses", Map.of())).keySet())));
                }));
        return operations;
    }

    @SuppressWarnings("unchecked")
    private static List<String> bodyFields(Map<String, Object> requestBody, Map<String, Object> schemas) {
        if (requestBody == null) {
            return List.of();
        }
        Map<String, Object> content = (Map<String, Object>) requestBody.getOrDefault("content", Map.of());
        Map<String, Object> json = (Map<String, Object>) content.getOrDefault("application/json", Map.of());
        Map<String, Object> schema = (Map<String, Object>) json.getOrDefault("schema", Map.of());
        Object ref = schema.get("$ref");
        if (ref != null) {
            schema = (Map<String, Object>)
                    schemas.getOrDefault(String.valueOf(ref).replace("#/components/schemas/", ""), Map.of());
        }
        return new ArrayList<>(((Map<String, Object>) schema.getOrDefault("properties", Map.of())).keySet());
    }

    @SuppressWarnings("unchecked")
    private Map<String, List<String>> matrix() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(roleMatrix())) {
            if (in == null) {
                throw new IllegalStateException(roleMatrix() + " is not on the test classpath");
            }
            Map<String, Object> raw = io.restassured.path.json.JsonPath.from(
                            new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .getMap("$");
            Map<String, List<String>> matrix = new LinkedHashMap<>();
            raw.forEach((id, kinds) -> {
                if (!id.startsWith("_")) {
                    matrix.put(id, (List<String>) kinds);
                }
            });
            return matrix;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
