package dev.openhands.jiradc.jira.control;

import static dev.openhands.jiradc.platform.Jsons.JSON;

import dev.openhands.jiradc.jira.entity.JiraCallFailed;
import dev.openhands.jiradc.jira.entity.JiraCallFailed.Kind;
import dev.openhands.jiradc.settings.entity.SettingsKeys;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;

/** Reads Jira's answers: the JSON of a success, or a {@link JiraCallFailed} that says in words what went wrong. */
public final class JiraResponses {

    private JiraResponses() {
    }

    /**
     * @param what what the call was for, as the end of "Jira ... while trying to {what}"
     * @return the JSON object of a 2xx answer
     */
    public static JsonObject call(URI jira, String what, Supplier<Response> call) {
        return call(jira, what, call, JsonObject.class);
    }

    /** @return the JSON body of a 2xx answer, an object or an array as {@code type} says */
    public static <T extends JsonStructure> T call(URI jira, String what, Supplier<Response> call, Class<T> type) {
        try (Response response = call.get()) {
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            int status = response.getStatus();
            Optional<JsonStructure> json = parse(body);
            if (status >= 200 && status < 300) {
                if (body.isBlank() && type == JsonObject.class) {
                    return type.cast(JsonValue.EMPTY_JSON_OBJECT); // 204 No Content
                }
                return json.filter(type::isInstance).map(type::cast).orElseThrow(() -> new JiraCallFailed(Kind.FAILED, status, "",
                        "Jira answered " + status + " with something unexpected while trying to " + what
                                + "; is " + jira + " really Jira Data Center?"));
            }
            JsonObject error = json.filter(JsonObject.class::isInstance).map(JsonObject.class::cast)
                    .orElse(JsonValue.EMPTY_JSON_OBJECT);
            String details = describe(error);
            String loginReason = response.getHeaderString("X-Seraph-LoginReason");
            if (status == 401 && loginReason != null) {
                details = (details.isEmpty() ? "" : details + "; ") + "X-Seraph-LoginReason: " + loginReason;
            }
            throw new JiraCallFailed(status >= 500 ? Kind.FAILED : Kind.REFUSED, status, text(error, "error"),
                    "Jira answered " + status + " while trying to " + what + (details.isEmpty() ? "." : ": " + details),
                    retryAfter(response.getHeaderString("Retry-After")));
        } catch (ProcessingException e) {
            throw unreachable(jira, what, e);
        }
    }

    private static Optional<Duration> retryAfter(String header) {
        try {
            return header == null ? Optional.empty() : Optional.of(Duration.ofSeconds(Long.parseLong(header.trim())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static JiraCallFailed unreachable(URI jira, String what, Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException) {
                return new JiraCallFailed(Kind.TLS, 0, "", "Jira's TLS certificate is not trusted (" + cause.getMessage()
                        + ") while trying to " + what + ". Add the certificate of the CA that issued it to "
                        + SettingsKeys.TRUSTED_CA + " (Additional Trusted CA Certificates) and redeploy.");
            }
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof SocketTimeoutException || cause instanceof HttpTimeoutException) {
                return new JiraCallFailed(Kind.UNREACHABLE, 0, "", "Cannot reach Jira at " + jira + " while trying to "
                        + what + " (" + cause.getClass().getSimpleName() + "). Check " + SettingsKeys.BASE_URL
                        + " and that this service can reach Jira Data Center over the network.");
            }
        }
        return new JiraCallFailed(Kind.UNREACHABLE, 0, "", "Calling Jira at " + jira + " failed while trying to " + what
                + ": " + e.getMessage());
    }

    /** Jira's error bodies in words: OAuth {@code error}/{@code error_description}, or {@code errorMessages}/{@code errors}. */
    static String describe(JsonObject error) {
        List<String> parts = new ArrayList<>();
        String code = text(error, "error");
        if (!code.isEmpty()) {
            String description = text(error, "error_description");
            parts.add(description.isEmpty() ? code : code + " (" + description + ")");
        }
        if (error.get("errorMessages") instanceof jakarta.json.JsonArray messages) {
            messages.stream().filter(JsonString.class::isInstance).map(m -> ((JsonString) m).getString()).forEach(parts::add);
        }
        if (error.get("errors") instanceof JsonObject fields) {
            fields.forEach((field, message) -> parts.add(field + ": "
                    + (message instanceof JsonString s ? s.getString() : message.toString())));
        }
        return String.join("; ", parts);
    }

    private static String text(JsonObject object, String name) {
        return object.get(name) instanceof JsonString value ? value.getString() : "";
    }

    private static Optional<JsonStructure> parse(String body) {
        try {
            return Optional.of(JSON.createReader(new StringReader(body)).read());
        } catch (JsonException | IllegalStateException e) {
            return Optional.empty();
        }
    }
}
