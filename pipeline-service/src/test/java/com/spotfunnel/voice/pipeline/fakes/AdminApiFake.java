package com.spotfunnel.voice.pipeline.fakes;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * admin-api's knowledge search and the OIDC provider's token endpoint, as the pipeline sees them, on the
 * providers' WireMock: the token endpoint hands out a client-credentials token to the pipeline's client only,
 * and the search answers only requests carrying that token (like admin-api with role {@code pipeline}).
 */
public final class AdminApiFake {

    public static final String CLIENT_ID = "pipeline-service";
    public static final String CLIENT_SECRET = "test-pipeline-secret";
    public static final String TOKEN = "test-pipeline-token";
    static final String ADMIN_API = "/admin-api";
    static final String REALM = "/oidc/realms/spotfunnel";
    private static final String TOKEN_PATH = REALM + "/protocol/openid-connect/token";
    private static final String SEARCH = ADMIN_API + "/tenants/([^/]+)/knowledge/search";

    private AdminApiFake() {}

    /**
     * Points the pipeline here; a 2 s search timeout (and as long a wait for an early search) so a loaded build
     * machine's first call is not "slow".
     */
    static Map<String, String> config(String wireMockUrl) {
        String guard =
                "quarkus.fault-tolerance.\"com.spotfunnel.voice.pipeline.knowledge.AdminKnowledgeClient/search\".";
        return Map.of(
                "quarkus.rest-client.admin-api.url",
                wireMockUrl + ADMIN_API,
                "quarkus.oidc-client.auth-server-url",
                wireMockUrl + REALM,
                "quarkus.oidc-client.client-id",
                CLIENT_ID,
                "quarkus.oidc-client.credentials.secret",
                CLIENT_SECRET,
                guard + "timeout.value",
                "2000",
                guard + "circuit-breaker.delay",
                "1000",
                "pipeline.knowledge.lookahead-wait",
                "2s");
    }

    /** A working token endpoint and a search that finds nothing for any tenant. */
    static void reset(WireMockServer wireMock) {
        String basic =
                Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        wireMock.stubFor(post(urlPathEqualTo(TOKEN_PATH))
                .withHeader("Authorization", equalTo("Basic " + basic))
                .withRequestBody(containing("grant_type=client_credentials"))
                .willReturn(
                        okJson("{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
        wireMock.stubFor(search("[^/]+").willReturn(okJson("[]")));
    }

    /** The tenant's search answers these passages, best first, in admin-api's JSON. */
    public static void passages(String tenantId, List<String> contents) {
        answer(tenantId, okJson(passagesJson(contents)));
    }

    private static String passagesJson(List<String> contents) {
        JsonArray body = new JsonArray();
        for (int i = 0; i < contents.size(); i++) {
            body.add(new JsonObject()
                    .put("documentId", UUID.randomUUID().toString())
                    .put("documentTitle", "FAQ")
                    .put("knowledgeBaseId", UUID.randomUUID().toString())
                    .put("ord", i)
                    .put("content", contents.get(i))
                    .put("rank", 1.0 - i / 10.0));
        }
        return body.encode();
    }

    /** The tenant's search for exactly {@code query} (admin-api's {@code q}) answers these passages. */
    public static void passages(String tenantId, String query, List<String> contents) {
        ProviderFakes.wireMock()
                .stubFor(search(tenantId)
                        .withQueryParam("q", equalTo(query))
                        .atPriority(1)
                        .willReturn(okJson(passagesJson(contents))));
    }

    /** The tenant's search answers this (an error status, a delay, a fault). */
    public static void answer(String tenantId, ResponseDefinitionBuilder response) {
        ProviderFakes.wireMock().stubFor(search(tenantId).willReturn(response));
    }

    public static ResponseDefinitionBuilder status(int status) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":" + status + ",\"title\":\"fake admin-api failure\"}");
    }

    /** The search requests admin-api received for the tenant. */
    public static List<LoggedRequest> searches(String tenantId) {
        return ProviderFakes.wireMock().findAll(getRequestedFor(urlPathMatching(SEARCH.replace("([^/]+)", tenantId))));
    }

    public static int tokenRequests() {
        return ProviderFakes.wireMock()
                .findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH)))
                .size();
    }

    private static MappingBuilder search(String tenantPattern) {
        return get(urlPathMatching(SEARCH.replace("([^/]+)", tenantPattern)))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN));
    }
}
