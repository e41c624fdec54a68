package com.spotfunnel.voice.infra.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The web app of a service is typed from the service's OpenAPI document, committed next to the app
 * ({@code web/<app>/openapi.json}) and turned into TypeScript at build. This contract fails when the live
 * {@code /q/openapi} differs from the committed copy, so a changed API breaks the build (and then the app's
 * typecheck shows which screens the change touches), never a page at run time.
 *
 * <p>Refresh the copy after an intended API change with {@code -Dopenapi.refresh=true} on this test; the test
 * then writes the live document and passes.
 */
public abstract class OpenApiDocumentContract {

    /** The committed document, relative to the service module's directory (e.g. {@code ../web/dashboard/openapi.json}). */
    protected abstract Path committedDocument();

    @Test
    void committedOpenApiDocumentMatchesTheLiveOne() throws IOException {
        String live = given().accept("application/json")
                .queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Path committed = committedDocument();
        if (Boolean.getBoolean("openapi.refresh")) {
            Files.createDirectories(committed.toAbsolutePath().getParent());
            Files.writeString(committed, live.endsWith("\n") ? live : live + "\n", StandardCharsets.UTF_8);
        }
        String test = getClass().getSimpleName();
        String how = "The API changed but " + committed + " (the web app's copy of the OpenAPI document, from which its"
                + " TypeScript client is generated) did not. If the change is intended, refresh the copy with\n"
                + "  ./mvnw -B verify -pl <this service> -am -Dtest=" + test
                + " -Dsurefire.failIfNoSpecifiedTests=false -Dopenapi.refresh=true\n"
                + "then run `npm run typecheck` in web/ and fix the screens it names.";
        if (!Files.exists(committed)) {
            throw new AssertionError(committed + " is missing. " + how);
        }
        Map<String, Object> expected =
                withoutTestEnvironment(JsonPath.from(Files.readString(committed, StandardCharsets.UTF_8))
                        .getMap(""));
        Map<String, Object> actual = withoutTestEnvironment(JsonPath.from(live).getMap(""));
        assertEquals(expected, actual, how);
    }

    /**
     * The security schemes name the test OIDC server's address, a random port per run, and the generated client
     * does not use them; everything else must match.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> withoutTestEnvironment(Map<String, Object> document) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(document);
        if (copy.get("components") instanceof Map<?, ?> components) {
            Map<String, Object> rest = new java.util.LinkedHashMap<>((Map<String, Object>) components);
            rest.remove("securitySchemes");
            copy.put("components", rest);
        }
        return copy;
    }
}
