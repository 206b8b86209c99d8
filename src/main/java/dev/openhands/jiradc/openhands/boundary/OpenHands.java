package dev.openhands.jiradc.openhands.boundary;

import dev.openhands.jiradc.openhands.control.OpenHandsApi;
import dev.openhands.jiradc.openhands.entity.ApiKeyRefused;
import dev.openhands.jiradc.openhands.entity.OpenHandsUnavailable;
import dev.openhands.jiradc.openhands.entity.OpenHandsUser;
import dev.openhands.jiradc.openhands.entity.StartTask;
import dev.openhands.jiradc.settings.control.SettingsKeys;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
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

    /** Whether this user can reach the repository {@code org/repo} through OpenHands (a targeted search, not a listing). */
    public boolean canAccess(String apiKey, String repository) {
        try (Response response = api().searchRepositories("Bearer " + apiKey, repository, 10)) {
            JsonArray found = read(response, "look up the repository " + repository).asJsonArray();
            return found.getValuesAs(JsonObject.class).stream()
                    .anyMatch(repo -> repository.equalsIgnoreCase(repo.getString("full_name", "")));
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    /** Starts a conversation as the user on the repository, with a title and a first message. */
    public StartTask startConversation(String apiKey, String repository, String title, String message) {
        JsonObject request = Json.createObjectBuilder()
                .add("title", title)
                .add("selected_repository", repository)
                .add("initial_message", Json.createObjectBuilder()
                        .add("role", "user")
                        .add("content", Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "text").add("text", message))))
                .build();
        try (Response response = api().startConversation("Bearer " + apiKey, request)) {
            return startTask(read(response, "start a conversation").asJsonObject());
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    /** The start task as it is now; empty when OpenHands does not know it. */
    public Optional<StartTask> startTask(String apiKey, String id) {
        try (Response response = api().startTasks("Bearer " + apiKey, id)) {
            return read(response, "look at the start task " + id).asJsonArray().stream()
                    .filter(JsonObject.class::isInstance).map(task -> startTask(task.asJsonObject()))
                    .filter(task -> task.id().equals(id)).findFirst();
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    private static StartTask startTask(JsonObject task) {
        return new StartTask(task.getString("id", ""), task.getString("status", ""),
                task.get("app_conversation_id") instanceof JsonString id ? Optional.of(id.getString()) : Optional.empty());
    }

    private static JsonValue read(Response response, String what) {
        int status = response.getStatus();
        if (status == 401 || status == 403) {
            throw new ApiKeyRefused("OpenHands did not accept the API key (" + status + ") when asked to " + what + ".");
        }
        if (status < 200 || status >= 300) {
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            throw new OpenHandsUnavailable("OpenHands answered " + status + " when asked to " + what
                    + (body.isBlank() ? "." : ": " + body.lines().findFirst().orElse("")));
        }
        try {
            return response.readEntity(JsonValue.class);
        } catch (RuntimeException e) {
            throw new OpenHandsUnavailable("OpenHands answered something other than JSON when asked to " + what + ".");
        }
    }

    private OpenHandsUnavailable unreachable(ProcessingException e) {
        return new OpenHandsUnavailable("Cannot reach OpenHands at " + baseUri() + " (" + rootCause(e) + ").");
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
