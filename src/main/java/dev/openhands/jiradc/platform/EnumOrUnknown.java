package dev.openhands.jiradc.platform;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;

/**
 * Reads an enum that another service's answers carry, as {@code @JsonbTypeDeserializer} on the enum: the constant of
 * that name, in any case, or the enum's {@code UNKNOWN} for a value it does not know (a newer server's), never an
 * error that would make the whole answer unreadable; {@code null} stays {@code null}, for the reader to say what a
 * missing value means.
 */
public class EnumOrUnknown implements JsonbDeserializer<Enum<?>> {

    @Override
    public Enum<?> deserialize(JsonParser parser, DeserializationContext context, Type type) {
        JsonValue value = parser.getValue();
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return of((Class<?>) type, value instanceof JsonString text ? text.getString() : "");
    }

    /** The constant named {@code value} in any case, else {@code UNKNOWN}. */
    static Enum<?> of(Class<?> type, String value) {
        Enum<?> unknown = null;
        for (Object constant : type.getEnumConstants()) {
            Enum<?> known = (Enum<?>) constant;
            if (known.name().equalsIgnoreCase(value)) {
                return known;
            }
            if (known.name().equals("UNKNOWN")) {
                unknown = known;
            }
        }
        if (unknown == null) {
            throw new IllegalArgumentException(type + " has no UNKNOWN constant to stand for " + value);
        }
        return unknown;
    }
}
