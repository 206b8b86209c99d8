package dev.openhands.jiradc.openhands.control;

import static dev.openhands.jiradc.platform.Jsons.JSON;

import dev.openhands.jiradc.openhands.entity.ApiKeyNotIssued;
import dev.openhands.jiradc.openhands.entity.OpenHandsUnavailable;
import dev.openhands.jiradc.openhands.entity.ServiceKeyRefused;
import dev.openhands.jiradc.settings.entity.SettingsKeys;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * OpenHands' error answers on its service API, as exceptions, once. FastAPI writes {@code {"detail": "..."}}; an
 * unknown route is a 404 with the detail {@code Not Found}, which must not be taken for an unknown user.
 */
public class ServiceResponses implements ResponseExceptionMapper<RuntimeException> {

    static final String FIX_SERVICE_KEY = "Set " + SettingsKeys.SERVICE_API_KEY
            + " to the service key configured on the"
            + " OpenHands server (its AUTOMATIONS_SERVICE_KEY) and redeploy this service.";
    static final String FIX_NOT_CONFIGURED = "Configure a service key on the OpenHands server"
            + " (AUTOMATIONS_SERVICE_KEY), the same value as "
            + SettingsKeys.SERVICE_API_KEY + " here, and restart OpenHands.";
    static final String FIX_NO_SERVICE_API = "Check that " + SettingsKeys.API_URL + " (or " + SettingsKeys.APP_URL
            + ") is the OpenHands app server, and that this OpenHands version has the service API (/api/service).";

    @Override
    public RuntimeException toThrowable(Response response) {
        int status = response.getStatus();
        String detail = detail(response);
        String answered = "OpenHands answered " + status + (detail.isEmpty() ? "" : " (" + detail + ")");
        return switch (status) {
            case 401 -> new ServiceKeyRefused(answered + ": it does not accept this service's key ("
                    + SettingsKeys.SERVICE_API_KEY + ").", FIX_SERVICE_KEY);
            case 503 -> detail.toLowerCase(java.util.Locale.ROOT).contains("not configured")
                    ? new ServiceKeyRefused(answered + ": the OpenHands server has no service key configured.",
                            FIX_NOT_CONFIGURED)
                    : new OpenHandsUnavailable(answered + " when asked for an API key; try again later.");
            case 404 -> detail.equals("Not Found") || detail.isEmpty()
                    ? new OpenHandsUnavailable(
                            answered + ": it has no service API at this address. " + FIX_NO_SERVICE_API)
                    : new ApiKeyNotIssued(ApiKeyNotIssued.Reason.UNKNOWN_USER, answered + ".");
            case 403 -> detail.isEmpty()
                    ? new OpenHandsUnavailable(
                            answered + " without saying why when asked for an API key; try again later.")
                    : new ApiKeyNotIssued(ApiKeyNotIssued.Reason.NOT_IN_ORGANISATION, answered + ".");
            default -> new OpenHandsUnavailable(
                    answered + " when asked for an API key" + (status == 422 ? "." : "; try again later."));
        };
    }

    /** The first line of FastAPI's {@code detail} when it is text, else nothing: the body may be anything. */
    private static String detail(Response response) {
        try {
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            JsonObject json = JSON.createReader(new StringReader(body)).readObject();
            return json.get("detail") instanceof JsonString text ? text.getString().lines().findFirst().orElse("") : "";
        } catch (RuntimeException e) {
            return "";
        }
    }
}
