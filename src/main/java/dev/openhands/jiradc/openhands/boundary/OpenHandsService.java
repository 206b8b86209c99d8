package dev.openhands.jiradc.openhands.boundary;

import dev.openhands.jiradc.openhands.control.OpenHandsServiceApi;
import dev.openhands.jiradc.openhands.control.OpenHandsServiceApi.CreateUserApiKeyRequest;
import dev.openhands.jiradc.openhands.control.OpenHandsServiceApi.CreateUserApiKeyResponse;
import dev.openhands.jiradc.openhands.control.ServiceResponses;
import dev.openhands.jiradc.openhands.entity.ApiKeyNotIssued;
import dev.openhands.jiradc.openhands.entity.OpenHandsUnavailable;
import dev.openhands.jiradc.openhands.entity.ServiceKeyRefused;
import dev.openhands.jiradc.openhands.entity.ServiceKeyVerdict;
import dev.openhands.jiradc.platform.CallTimer;
import dev.openhands.jiradc.platform.Metrics;
import dev.openhands.jiradc.platform.OutboundClient;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import dev.openhands.jiradc.settings.entity.SettingsKeys;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import java.util.Map;

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

    private OutboundClient<OpenHandsServiceApi> restClient;

    @PostConstruct
    void prepare() {
        restClient = new OutboundClient<>(OpenHandsServiceApi.class, Map.of(), new ServiceResponses(),
                new CallTimer(metrics, "openhands"));
    }

    /**
     * The OpenHands API key of this user in the configured organisation, created by OpenHands at the first request.
     *
     * @throws ApiKeyNotIssued when OpenHands has no such user (404) or they are not a member of the organisation (403)
     * @throws ServiceKeyRefused when OpenHands does not accept this service's key
     * @throws OpenHandsUnavailable when OpenHands cannot say
     */
    public String apiKeyOf(String userId) {
        CreateUserApiKeyResponse issued = ask(userId);
        verdicts.fire(
                ServiceKeyVerdict.accepted("OpenHands accepted the service key when asked for a person's API key."));
        if (issued.key() == null || issued.key().isBlank()) {
            throw new OpenHandsUnavailable(
                    "OpenHands answered without an API key when asked for one; try again later.");
        }
        return issued.key();
    }

    /**
     * Proves the service key with one call: asking for the key of a user who does not exist, which OpenHands refuses
     * after checking the key.
     */
    public ServiceKeyVerdict check() {
        try {
            ask(NOBODY);
            return announce(ServiceKeyVerdict.accepted("OpenHands accepted the service key."));
        } catch (ApiKeyNotIssued e) {
            return announce(
                    ServiceKeyVerdict.accepted("OpenHands accepted the service key (and, as expected, knows no user "
                            + NOBODY + ")."));
        } catch (ServiceKeyRefused e) {
            return ServiceKeyVerdict.refused(e);
        } catch (OpenHandsUnavailable e) {
            return announce(ServiceKeyVerdict.unanswered(e.getMessage(),
                    "Check that this service can reach OpenHands at "
                            + settings.apiUrl().map(Object::toString).orElse("its address")
                            + " and that it is the OpenHands app server,"
                            + " then check again."));
        }
    }

    private CreateUserApiKeyResponse ask(String userId) {
        IntegrationSettings.ServiceKey serviceKey = settings.serviceKey().orElseThrow(() -> new IllegalStateException(
                SettingsKeys.SERVICE_API_KEY + " is not set"));
        try {
            return api().apiKey(serviceKey.apiKey().reveal(), userId, serviceKey.orgId(),
                    new CreateUserApiKeyRequest(KEY_NAME));
        } catch (ServiceKeyRefused e) {
            verdicts.fire(ServiceKeyVerdict.refused(e));
            throw e;
        } catch (ProcessingException e) {
            if (OutboundClient.unreadableAnswer(e)) {
                throw new OpenHandsUnavailable(
                        "OpenHands answered something this service cannot read when asked for an API key ("
                                + e.getMessage() + "); check that " + SettingsKeys.API_URL
                                + " is the OpenHands app server.");
            }
            throw new OpenHandsUnavailable(
                    "Cannot reach OpenHands at " + settings.apiUrl().map(Object::toString).orElse("?")
                            + " (" + e.getMessage() + ").");
        }
    }

    private ServiceKeyVerdict announce(ServiceKeyVerdict verdict) {
        verdicts.fire(verdict);
        return verdict;
    }

    private OpenHandsServiceApi api() {
        return restClient.at(settings.apiUrl().orElseThrow(() -> new OpenHandsUnavailable(
                "The OpenHands address is not configured: set " + SettingsKeys.APP_URL + ".")),
                settings.trustedCertificates());
    }
}
