package com.spotfunnel.voice.support.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Request bodies read as written, never guessed at ({@code spotfunnel.json.strict=true}, set by the APIs people and
 * scripts call; off by default because the voice services also read providers' JSON with this mapper):
 * <ul>
 * <li>a duplicated key is an error, not "the last one wins" (two readers of the same body must never disagree);</li>
 * <li>no scalar coercion: {@code "note": 42}, {@code "count": "3"}, {@code "count": 1.5}, {@code "flag": 1} are 400s;</li>
 * <li>a NUL character in any string is refused where it is read ({@link NulRefusingStringDeserializer}), so the
 * 400 names the field instead of PostgreSQL failing the query later.</li>
 * </ul>
 * Each failure is a Jackson mapping error carrying the field's path, answered 400 by {@code ProblemMappers}.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    private final boolean strict;

    public StrictJson(@ConfigProperty(name = "spotfunnel.json.strict", defaultValue = "false") boolean strict) {
        this.strict = strict;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        if (strict) {
            apply(mapper);
        }
    }

    static void apply(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("spotfunnel-strict-strings")
                .addDeserializer(String.class, new NulRefusingStringDeserializer()));
    }
}
