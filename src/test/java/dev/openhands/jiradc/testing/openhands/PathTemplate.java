package dev.openhands.jiradc.testing.openhands;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An OpenAPI path template ({@code /api/v1/conversation/{conversation_id}/events/search}) matched against a request
 * path.
 */
record PathTemplate(String template) {

    long variables() {
        return template.chars().filter(c -> c == '{').count();
    }

    /** The values of the template's variables when the path matches it, segment by segment. */
    Optional<Map<String, String>> match(String path) {
        String[] expected = template.split("/", -1);
        String[] actual = path.split("/", -1);
        if (expected.length != actual.length) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < expected.length; i++) {
            if (expected[i].startsWith("{") && expected[i].endsWith("}") && !actual[i].isEmpty()) {
                values.put(expected[i].substring(1, expected[i].length() - 1),
                        URLDecoder.decode(actual[i], StandardCharsets.UTF_8));
            } else if (!expected[i].equals(actual[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(values);
    }
}
