package com.spotfunnel.voice.support.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service's {@code META-INF/openapi-operations.json}: for every operation ({@code "GET /tenants/{tenantId}"}) its
 * stable operationId and every status it answers, and which query parameters are integers or booleans (they are
 * read as text so that a bad value is a 400 naming it, which the generated schema would call a string). Data, so
 * that the web apps' generated clients and the security suite read the same names.
 */
public record DocumentedOperations(
        Map<String, Operation> operations, List<String> integerParameters, List<String> booleanParameters) {

    public static final String RESOURCE = "META-INF/openapi-operations.json";

    /** @param withoutParameters shared query parameters this operation does not take (refuses) */
    public record Operation(String operationId, List<Integer> statuses, List<String> withoutParameters) {}

    /** The service's file, or none. */
    public static DocumentedOperations load(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return new DocumentedOperations(Map.of(), List.of(), List.of());
            }
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static DocumentedOperations parse(JsonNode root) {
        Map<String, Operation> operations = new LinkedHashMap<>();
        root.path("operations").fields().forEachRemaining(entry -> {
            List<Integer> statuses = new ArrayList<>();
            entry.getValue().path("statuses").forEach(status -> statuses.add(status.asInt()));
            operations.put(
                    entry.getKey(),
                    new Operation(
                            entry.getValue().path("operationId").asText(),
                            List.copyOf(statuses),
                            strings(entry.getValue().path("withoutParameters"))));
        });
        return new DocumentedOperations(
                operations, strings(root.path("integerParameters")), strings(root.path("booleanParameters")));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return List.copyOf(values);
    }
}
