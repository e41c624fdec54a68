package com.spotfunnel.voice.admin.support;

import static com.spotfunnel.voice.admin.support.TestTenants.asAdmin;

import java.util.Map;

/** Knowledge bases and documents made through the API, as an operator would. */
public final class TestKnowledge {

    private TestKnowledge() {}

    /** A new knowledge base of the tenant; its id. */
    public static String base(String tenant, String name) {
        return asAdmin()
                .body(Map.of("name", name))
                .post("/tenants/" + tenant + "/knowledge-bases")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** A document added to the knowledge base; its id. */
    public static String document(String tenant, String kb, String title, String content) {
        return asAdmin()
                .body(Map.of("title", title, "content", content))
                .post("/tenants/" + tenant + "/knowledge-bases/" + kb + "/documents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
