package com.spotfunnel.voice.admin.common;

import com.spotfunnel.voice.events.serde.ContractJson;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Contract objects to and from PostgreSQL jsonb, with the contract's own JSON settings. */
public final class Json {

    private Json() {}

    public static JsonObject toJsonb(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return new JsonObject(ContractJson.mapper().writeValueAsString(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T fromJsonb(JsonObject json, Class<T> type) {
        try {
            return ContractJson.mapper().readValue(json.encode(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
