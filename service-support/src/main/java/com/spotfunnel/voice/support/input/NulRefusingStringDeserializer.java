package com.spotfunnel.voice.support.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;

/**
 * Reads a JSON string as Jackson's own does, refusing one with a NUL character: PostgreSQL cannot store it in
 * text (SQL state 22021) and no person types it. Only strings: a number or boolean where a string is expected is
 * a type error (see {@link StrictJson}).
 */
final class NulRefusingStringDeserializer extends StdScalarDeserializer<String> {

    NulRefusingStringDeserializer() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            return (String) context.handleUnexpectedToken(String.class, parser);
        }
        String value = parser.getText();
        if (value.indexOf('\0') >= 0) {
            return (String) context.handleWeirdStringValue(String.class, value, "must not contain NUL characters");
        }
        return value;
    }
}
