package dev.openhands.jiradc.openhands.control;

import static dev.openhands.jiradc.platform.Jsons.JSON;

import dev.openhands.jiradc.openhands.entity.ApiKeyRefused;
import dev.openhands.jiradc.openhands.entity.OpenHandsUnavailable;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * OpenHands' error answers to a person's key, as exceptions, once: 401 and 403 refuse the key
 * ({@link ApiKeyRefused}); any other is what OpenHands answered ({@link OpenHandsUnavailable} with its status, so that
 * a caller reads a 404 or a 409 as the answer it is). The boundary adds what OpenHands was asked to do.
 */
public class OpenHandsResponses implements ResponseExceptionMapper<RuntimeException> {

    @Override
    public RuntimeException toThrowable(Response response) {
        String body;
        try {
            body = response.hasEntity() ? response.readEntity(String.class) : "";
        } catch (RuntimeException e) {
            body = "";
        }
        return failure(response.getStatus(), body);
    }

    static RuntimeException failure(int status, String body) {
        String said = said(body);
        if (status == 401 || status == 403) {
            return new ApiKeyRefused(
                    "OpenHands did not accept the API key (" + status + (said.isEmpty() ? "" : ": " + said)
                            + ")");
        }
        return new OpenHandsUnavailable("OpenHands answered " + status + (said.isEmpty() ? "" : " (" + said + ")"),
                status);
    }

    /** FastAPI's {@code {"detail": "..."}} when it is text, else the body's first line: the body may be anything. */
    static String said(String body) {
        try {
            JsonObject json = JSON.createReader(new StringReader(body)).readObject();
            if (json.get("detail") instanceof JsonString detail) {
                return detail.getString().lines().findFirst().orElse("");
            }
        } catch (RuntimeException e) {
            // not a JSON object: its first line says what there is to say
        }
        return body.lines().findFirst().orElse("").strip();
    }
}
