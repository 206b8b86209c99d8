package dev.openhands.jiradc.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The simulator's HTTP answers and what it reads of requests; every answer says it comes from the simulator. */
final class Answers {

    /**
     * Marks every answer of the simulator, so that the service can tell it apart from a real Jira (not in production).
     */
    static final String MARKER = "X-OpenHands-Simulator";

    private Answers() {
    }

    static ResponseDefinition json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader(MARKER, "jira-dc")
                .withBody(body).build();
    }

    static ResponseDefinition html(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/html; charset=utf-8")
                .withHeader("Cache-Control", "no-store").withHeader(MARKER, "jira-dc").withBody(body).build();
    }

    static ResponseDefinition redirect(String location) {
        return aResponse().withStatus(303).withHeader("Location", location).withHeader(MARKER, "jira-dc").build();
    }

    static ResponseDefinition noContent() {
        return aResponse().withStatus(204).withHeader(MARKER, "jira-dc").build();
    }

    /** Jira's answer to a token it does not know, with the reason in {@code X-Seraph-LoginReason}. */
    static ResponseDefinition unauthorized() {
        return aResponse().withStatus(401).withHeader("X-Seraph-LoginReason", "AUTHENTICATED_FAILED")
                .withHeader(MARKER, "jira-dc")
                .withHeader("Content-Type", "application/json")
                .withBody(
                        "{\"errorMessages\":[\"You are not authenticated. Authentication required to perform this"
                                + " operation.\"],"
                                + "\"errors\":{}}")
                .build();
    }

    /** Jira's error body. */
    static ResponseDefinition jiraError(int status, String message) {
        return json(status, "{\"errorMessages\":[\"" + message.replace("\"", "'") + "\"],\"errors\":{}}");
    }

    /** The parameters of a query string or a form-encoded body, the first value of each. */
    static Map<String, String> parameters(String encoded) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (encoded != null && !encoded.isEmpty()) {
            for (String pair : encoded.split("&")) {
                String[] parts = pair.split("=", 2);
                parameters.putIfAbsent(decode(parts[0]), parts.length > 1 ? decode(parts[1]) : "");
            }
        }
        return parameters;
    }

    static Map<String, String> query(String url) {
        return parameters(URI.create(url).getRawQuery());
    }

    static String path(String url) {
        return URI.create(url).getRawPath();
    }

    static String bearer(String authorization) {
        return authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : "";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
