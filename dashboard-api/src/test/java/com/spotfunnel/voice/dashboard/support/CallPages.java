package com.spotfunnel.voice.dashboard.support;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every page of a call list, read as the web app reads it: following nextCursor until there is none. */
public record CallPages(List<Map<String, Object>> rows, int pages) {

    /** At most 20 pages, so a cursor that never ends fails the test instead of hanging it. */
    public static CallPages read(String token, Map<String, ?> query) {
        List<Map<String, Object>> rows = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().auth().oauth2(token).queryParams(query);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/calls")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            rows.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 20);
        return new CallPages(rows, pages);
    }

    public List<String> callIds() {
        return rows.stream().map(r -> (String) r.get("callId")).toList();
    }
}
