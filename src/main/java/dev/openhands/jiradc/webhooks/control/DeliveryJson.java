package dev.openhands.jiradc.webhooks.control;

import static dev.openhands.jiradc.platform.Jsons.JSON;

import dev.openhands.jiradc.jira.entity.WebhookEvent;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.CharArrayReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * A delivery's body read as exactly one JSON object in UTF-8 (RFC 8259), a leading byte order mark
 * ignored. A {@code JsonReader} on the bytes would also guess UTF-16 or UTF-32, replace malformed
 * bytes and ignore whatever follows the object, so the payload stored would not be what was signed,
 * and its NULs would make PostgreSQL refuse it.
 *
 * <p>Every byte is checked, but only the members {@link WebhookEvent#parse} reads are kept: of the
 * issue's {@code fields} (most of a real Jira payload: description, custom fields, ...) only the
 * labels. Not building the rest is most of what reading a delivery costs.
 */
final class DeliveryJson {

    private DeliveryJson() {
    }

    /** @throws JsonException or {@link CharacterCodingException} when the body is not one JSON object in UTF-8 */
    static JsonObject read(byte[] body) throws CharacterCodingException {
        CharBuffer text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body));
        int start = text.hasRemaining() && text.charAt(0) == '\uFEFF' ? 1 : 0;
        try (JsonParser parser = JSON
                .createParser(new CharArrayReader(text.array(), start, text.remaining() - start))) {
            if (parser.next() != JsonParser.Event.START_OBJECT) {
                throw new JsonException("not an object");
            }
            JsonObject object = object(parser, "");
            if (parser.hasNext()) {
                throw new JsonException("more after the object");
            }
            return object;
        }
    }

    /** The object whose START_OBJECT was just read, at {@code path}. */
    private static JsonObject object(JsonParser parser, String path) {
        Set<String> kept = WebhookEvent.MEMBERS_READ.get(path);
        if (kept == null) {
            return parser.getObject();
        }
        JsonObjectBuilder object = JSON.createObjectBuilder();
        for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_OBJECT; event = parser.next()) {
            String key = parser.getString();
            JsonParser.Event value = parser.next();
            if (kept.contains(key)) {
                object.add(key, value(parser, value, path + "/" + key));
            } else {
                skip(parser, value);
            }
        }
        return object.build();
    }

    private static JsonValue value(JsonParser parser, JsonParser.Event event, String path) {
        return event == JsonParser.Event.START_OBJECT ? object(parser, path) : parser.getValue();
    }

    /** Reads past a value, checking it, without building it. */
    private static void skip(JsonParser parser, JsonParser.Event event) {
        if (event != JsonParser.Event.START_OBJECT && event != JsonParser.Event.START_ARRAY) {
            return;
        }
        for (int depth = 1; depth > 0;) {
            switch (parser.next()) {
                case START_OBJECT, START_ARRAY -> depth++;
                case END_OBJECT, END_ARRAY -> depth--;
                default -> {
                }
            }
        }
    }
}
