package dev.openhands.jiradc.testing.openhands;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request a stand-in server answered and the answer it gave, in the terms an API description speaks of.
 *
 * @param headers the request's headers, names in lower case
 * @param requestBody empty when the request had none
 * @param status {@link #NO_ANSWER} when the test broke the connection instead of answering
 * @param responseContentType the answer's media type without parameters, empty when it had none
 */
public record ApiExchange(String method, String path, Map<String, List<String>> query, Map<String, String> headers,
        String requestBody, int status, String responseContentType, String responseBody) {

    public static final int NO_ANSWER = 0;

    public ApiExchange {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The request's media type without parameters ({@code application/json}), empty when it has none. */
    public String requestContentType() {
        return header("Content-Type").map(type -> type.split(";")[0].trim().toLowerCase(Locale.ROOT)).orElse("");
    }

    /** {@code GET /path?query}, as a reader of a failed test wants to see it. */
    public String requestLine() {
        StringBuilder line = new StringBuilder(method).append(' ').append(path);
        String separator = "?";
        for (var parameter : query.entrySet()) {
            for (String value : parameter.getValue()) {
                line.append(separator).append(parameter.getKey()).append('=').append(value);
                separator = "&";
            }
        }
        return line.toString();
    }
}
