package dev.openhands.jiradc.openhands.boundary;

import dev.openhands.jiradc.openhands.control.OpenHandsApi;
import dev.openhands.jiradc.openhands.entity.ApiKeyRefused;
import dev.openhands.jiradc.openhands.entity.OpenHandsUnavailable;
import dev.openhands.jiradc.openhands.entity.OpenHandsUser;
import dev.openhands.jiradc.settings.control.SettingsKeys;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/** Every call this service makes to OpenHands goes through here, so an API change touches one class. */
@ApplicationScoped
public class OpenHands {

    @Inject
    IntegrationSettings settings;

    private volatile OpenHandsApi api;

    /** @throws ApiKeyRefused when OpenHands does not accept the key; OpenHandsUnavailable when it cannot say */
    public OpenHandsUser userOf(String apiKey) {
        try (Response response = api().currentUser("Bearer " + apiKey)) {
            int status = response.getStatus();
            if (status == 401 || status == 403) {
                throw new ApiKeyRefused("OpenHands did not accept this API key. Create a new one in OpenHands under"
                        + " Settings > API Keys and paste it here.");
            }
            if (status != 200) {
                throw new OpenHandsUnavailable("OpenHands answered " + status + " when asked who owns the key; try again later.");
            }
            JsonObject user = response.readEntity(JsonObject.class);
            return new OpenHandsUser(user.getString("id", ""),
                    user.get("email") instanceof JsonString email ? Optional.of(email.getString()) : Optional.empty());
        } catch (ProcessingException e) {
            throw new OpenHandsUnavailable("Cannot reach OpenHands at " + baseUri() + " (" + rootCause(e)
                    + "); check " + SettingsKeys.API_URL + " and the network between this service and OpenHands.");
        }
    }

    private OpenHandsApi api() {
        if (api == null) {
            api = RestClientBuilder.newBuilder()
                    .baseUri(baseUri())
                    .connectTimeout(5, TimeUnit.SECONDS)
                    .readTimeout(30, TimeUnit.SECONDS)
                    .property("microprofile.rest.client.disable.default.mapper", true)
                    .build(OpenHandsApi.class);
        }
        return api;
    }

    private URI baseUri() {
        return settings.apiUrl().orElseThrow(() -> new OpenHandsUnavailable(
                "The OpenHands address is not configured: set " + SettingsKeys.APP_URL + "."));
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() != null ? ": " + cause.getMessage() : "");
    }
}
