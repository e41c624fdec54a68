package com.spotfunnel.voice.infra.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the web apps' generated clients rely on: the service's OpenAPI document passes a third-party linter (Redocly
 * CLI, recommended rules, zero errors), names its server, and gives every operation a unique camelCase operationId;
 * integer parameters are integers. The statuses it lists are checked against real answers by {@link SecuritySuite}.
 */
public abstract class OpenApiContract {

    @Test
    void theDocumentLintsWithoutErrors() throws Exception {
        String document = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        OpenApiLint.Result result = OpenApiLint.lint(document, Path.of("target", "openapi-lint"));
        System.out.println(result.output());
        assertEquals(0, result.exitCode(), () -> "Redocly found errors:\n" + result.output());
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationHasAStableCamelCaseIdAndTheServerIsNamed() {
        Map<String, Object> document = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("$");
        assertTrue(document.get("servers") instanceof List<?> servers && !servers.isEmpty(), "servers are named");
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (SecuritySuite.Operation operation : SecuritySuite.operations()) {
            String id = operation.id();
            if (id == null || "null".equals(id) || !id.matches("[a-z][a-zA-Z0-9]*")) {
                problems.add(operation.method() + " " + operation.path() + ": operationId " + id);
            } else if (!seen.add(id)) {
                problems.add("operationId " + id + " is used twice");
            }
        }
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
        ((Map<String, Object>) document.get("paths"))
                .values()
                .forEach(item -> ((Map<String, Object>) item)
                        .values()
                        .forEach(op -> ((List<Map<String, Object>>)
                                        ((Map<String, Object>) op).getOrDefault("parameters", List.of()))
                                .stream()
                                        .filter(p -> "limit".equals(p.get("name")))
                                        .forEach(p -> assertEquals(
                                                "integer",
                                                ((Map<String, Object>) p.get("schema")).get("type"),
                                                "limit is an integer"))));
    }
}
