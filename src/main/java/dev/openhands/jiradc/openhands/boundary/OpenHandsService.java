package dev.openhands.jiradc.openhands.boundary;

import static dev.openhands.jiradc.platform.Jsons.JSON;

import dev.openhands.jiradc.openhands.control.OpenHandsServiceApi;
import dev.openhands.jiradc.openhands.control.ServiceResponses;
import dev.openhands.jiradc.openhands.entity.ApiKeyNotIssued;
import dev.openhands.jiradc.openhands.entity.OpenHandsUnavailable;
import dev.openhands.jiradc.openhands.entity.ServiceKeyRefused;
import dev.openhands.jiradc.openhands.entity.ServiceKeyVerdict;
import dev.openhands.jiradc.platform.CallTimer;
import dev.openhands.jiradc.platform.Metrics;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import dev.openhands.jiradc.settings.entity.SettingsKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.ProcessingException;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Service-to-service calls to OpenHands with this service's key ({@code openhands.service-api-key}): getting a
 * person's API key, and proving the service key. Every answer about the service key is announced as a
 * {@link ServiceKeyVerdict}, for readiness.
 */
@ApplicationScoped
public class OpenHandsService {

    /** The name of the system key OpenHands keeps for each person for this service; the same name gets the same key. */
    public static final String KEY_NAME = "jira-dc";
    /** A user id no OpenHands user has: asking for its key proves the service key without creating anything. */
    static final String NOBODY = "00000000-0000-0000-0000-000000000000";

    @Inject
    IntegrationSettings settings;

    @Inject
    Metrics metrics;

    @Inject
    Event<ServiceKeyVerdict> verdicts;

    private volatile OpenHandsServiceApi api;

    /**
     * The OpenHands API key of this user in the configured organisation, created by OpenHands at the first request.
     *
     * @throws ApiKeyNotIssued when OpenHands has no such user (404) or they are not a member of the organisation (403)
     * @throws ServiceKeyRefused when OpenHands does not accept this service's key
     * @throws OpenHandsUnavailable when OpenHands cannot say
     */
    public String apiKeyOf(String userId) {
        JsonObject issued = ask(userId);
        verdicts.fire(ServiceKeyVerdict.accepted("OpenHands accepted the service key when asked for a person's API key."));
        if (!(issued.get("key") instanceof JsonString key) || key.getString().isBlank()) {
            throw new OpenHandsUnavailable("OpenHands answered without an API key when asked for one; try again later.");
        }
        return key.getString();
    }

    /** Proves the service key with one call: asking for the key of a user who does not exist, which OpenHands refuses after checking the key. */
    public ServiceKeyVerdict check() {
        try {
            ask(NOBODY);
            return announce(ServiceKeyVerdict.accepted("OpenHands accepted the service key."));
        } catch (ApiKeyNotIssued e) {
            return announce(ServiceKeyVerdict.accepted("OpenHands accepted the service key (and, as expected, knows no user "
                    + NOBODY + ")."));
        } catch (ServiceKeyRefused e) {
            return ServiceKeyVerdict.refused(e);
        } catch (OpenHandsUnavailable e) {
            return announce(ServiceKeyVerdict.unanswered(e.getMessage(), "Check that this service can reach OpenHands at "
                    + settings.apiUrl().map(Object::toString).orElse("its address") + " and that it is the OpenHands app server,"
                    + " then check again."));
        }
    }

    private JsonObject ask(String userId) {
        IntegrationSettings.ServiceKey serviceKey = settings.serviceKey().orElseThrow(() -> new IllegalStateException(
                SettingsKeys.SERVICE_API_KEY + " is not set"));
        try {
            return api().apiKey(serviceKey.apiKey().reveal(), userId, serviceKey.orgId(),
                    JSON.createObjectBuilder().add("name", KEY_NAME).build());
        } catch (ServiceKeyRefused e) {
            verdicts.fire(ServiceKeyVerdict.refused(e));
            throw e;
        } catch (ProcessingException e) {
            throw new OpenHandsUnavailable("Cannot reach OpenHands at " + settings.apiUrl().map(Object::toString).orElse("?")
                    + " (" + e.getMessage() + ").");
        }
    }

    private ServiceKeyVerdict announce(ServiceKeyVerdict verdict) {
        verdicts.fire(verdict);
        return verdict;
    }

    private OpenHandsServiceApi api() {
        if (api == null) {
            api = RestClientBuilder.newBuilder()
                    .baseUri(settings.apiUrl().orElseThrow(() -> new OpenHandsUnavailable(
                            "The OpenHands address is not configured: set " + SettingsKeys.APP_URL + ".")))
                    .connectTimeout(5, TimeUnit.SECONDS)
                    .readTimeout(30, TimeUnit.SECONDS)
                    .property("microprofile.rest.client.disable.default.mapper", true)
                    .register(new ServiceResponses())
                    .register(new CallTimer(metrics, "openhands"))
                    .build(OpenHandsServiceApi.class);
        }
        return api;
    }
}
