package dev.openhands.jiradc.jira.control;

import static dev.openhands.jiradc.platform.Jsons.JSON;

import dev.openhands.jiradc.jira.entity.JiraCallFailed;
import dev.openhands.jiradc.jira.entity.JiraCallFailed.Kind;
import dev.openhands.jiradc.platform.OutboundClient;
import dev.openhands.jiradc.settings.entity.SettingsKeys;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
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
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Jira's error answers, as a {@link JiraCallFailed} that says in words what went wrong, once for every call (the
 * {@link JiraApi} client's exception mapper): Jira's {@code errorMessages} and {@code errors}, OAuth's {@code error}
 * and {@code error_description}, {@code X-Seraph-LoginReason} on a 401, {@code Retry-After} on a 429 or 503.
 * {@link #call} adds what the call was for, and says the same of a call that got no answer it could read.
 */
public class JiraResponses implements ResponseExceptionMapper<JiraCallFailed> {

    @Override
    public JiraCallFailed toThrowable(Response response) {
        String body;
        try {
            body = response.hasEntity() ? response.readEntity(String.class) : "";
        } catch (RuntimeException e) {
            body = "";
        }
        return failure(response.getStatus(), body, response.getHeaderString("X-Seraph-LoginReason"),
                response.getHeaderString("Retry-After"));
    }

    /** An error answer in words, before it says what it was for. */
    static Answered failure(int status, String body, String loginReason, String retryAfter) {
        JsonObject error = parse(body);
        String details = describe(error);
        if (status == 401 && loginReason != null) {
            details = (details.isEmpty() ? "" : details + "; ") + "X-Seraph-LoginReason: " + loginReason;
        }
        return new Answered(status >= 500 ? Kind.FAILED : Kind.REFUSED, status, text(error, "error"), details,
                retryAfter(retryAfter));
    }

    /**
     * @param what what the call was for, as the end of "Jira ... while trying to {what}"
     * @return the call's answer
     */
    public static <T> T call(URI jira, String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (Answered e) {
            throw e.whileTryingTo(what);
        } catch (ProcessingException e) {
            throw unreachable(jira, what, e);
        }
    }

    /** A call whose answer says nothing more than that it was done: the answer is closed unread. */
    public static void send(URI jira, String what, Supplier<Response> call) {
        call(jira, what, call).close();
    }

    /** A {@link JiraCallFailed} that {@link #failure} made, to which {@link #call} adds what the call was for. */
    static final class Answered extends JiraCallFailed {

        private static final long serialVersionUID = 1L;

        private final String details;

        Answered(Kind kind, int status, String errorCode, String details, Optional<Duration> retryAfter) {
            super(kind, status, errorCode, "Jira answered " + status + (details.isEmpty() ? "." : ": " + details),
                    retryAfter);
            this.details = details;
        }

        JiraCallFailed whileTryingTo(String what) {
            return new JiraCallFailed(kind(), status(), errorCode(),
                    "Jira answered " + status() + " while trying to " + what
                            + (details.isEmpty() ? "." : ": " + details),
                    retryAfter());
        }
    }

    private static Optional<Duration> retryAfter(String header) {
        try {
            return header == null ? Optional.empty() : Optional.of(Duration.ofSeconds(Long.parseLong(header.trim())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A call that got no error answer and failed: no connection, no trust, or an answer that is not Jira's JSON. */
    static JiraCallFailed unreachable(URI jira, String what, ProcessingException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException) {
                return new JiraCallFailed(Kind.TLS, 0, "",
                        "Jira's TLS certificate is not trusted (" + cause.getMessage()
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
        if (OutboundClient.unreadableAnswer(e)) {
            return new JiraCallFailed(Kind.FAILED, 0, "",
                    "Jira answered something this service cannot read while trying to "
                            + what + " (" + rootCause(e) + "); is " + jira + " really Jira Data Center?");
        }
        return new JiraCallFailed(Kind.UNREACHABLE, 0, "", "Calling Jira at " + jira + " failed while trying to " + what
                + ": " + e.getMessage());
    }

    /**
     * Jira's error bodies in words: OAuth {@code error}/{@code error_description}, or {@code errorMessages}/{@code
     * errors}.
     */
    static String describe(JsonObject error) {
        List<String> parts = new ArrayList<>();
        String code = text(error, "error");
        if (!code.isEmpty()) {
            String description = text(error, "error_description");
            parts.add(description.isEmpty() ? code : code + " (" + description + ")");
        }
        if (error.get("errorMessages") instanceof JsonArray messages) {
            messages.stream().filter(JsonString.class::isInstance).map(m -> ((JsonString) m).getString())
                    .forEach(parts::add);
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

    /** The error body as a JSON object; empty when it is not one. */
    private static JsonObject parse(String body) {
        try {
            return JSON.createReader(new StringReader(body)).read() instanceof JsonObject object ? object
                    : JsonValue.EMPTY_JSON_OBJECT;
        } catch (RuntimeException e) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() != null ? ": " + cause.getMessage() : "");
    }
}
