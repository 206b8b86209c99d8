package dev.openhands.jiradc.testing.openhands;

import static com.github.tomakehurst.wiremock.client.WireMock.*;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.json.Json;
import java.util.List;

/**
 * OpenHands' service-to-service API as WireMock answers it, shaped as OpenHands' API description and server say:
 * {@code POST /api/service/users/{user_id}/orgs/{org_id}/api-keys} with {@code X-Service-API-Key} and
 * {@code {"name"}}, answering a CreateUserApiKeyResponse, or FastAPI's {@code {"detail"}} with 401 (service key),
 * 404 (no such user) or 403 (not a member of the organisation).
 */
public final class OpenHandsServiceKeys {

    /** The name this service gives the keys it asks for. */
    public static final String KEY_NAME = "jira-dc";
    /** The user whose key the service asks for to prove its own key. */
    public static final String NOBODY = "00000000-0000-0000-0000-000000000000";

    private final WireMockServer openHands;
    private final String serviceKey;
    private final String orgId;

    public OpenHandsServiceKeys(WireMockServer openHands, String serviceKey, String orgId) {
        this.openHands = openHands;
        this.serviceKey = serviceKey;
        this.orgId = orgId;
    }

    public static String path(String userId, String orgId) {
        return "/api/service/users/" + userId + "/orgs/" + orgId + "/api-keys";
    }

    /** OpenHands takes the service key: asked for the key of nobody, it says there is no such user. */
    public void acceptTheServiceKey() {
        openHands.stubFor(request(NOBODY).willReturn(detail(404, "User " + NOBODY + " not found")));
    }

    /** OpenHands gets or creates this user's key. */
    public void issue(String userId, String apiKey) {
        openHands.stubFor(request(userId).willReturn(issued(userId, apiKey)));
    }

    /** The first request for the user's key gets {@code first}, every later one {@code then}. */
    public void issueInTurn(String userId, String first, String then) {
        openHands.stubFor(request(userId).inScenario("key of " + userId).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(issued(userId, first)).willSetStateTo("issued again"));
        openHands.stubFor(request(userId).inScenario("key of " + userId).whenScenarioStateIs("issued again")
                .willReturn(issued(userId, then)));
    }

    public void unknownUser(String userId) {
        openHands.stubFor(request(userId).willReturn(detail(404, "User " + userId + " not found")));
    }

    public void notInOrganisation(String userId) {
        openHands.stubFor(
                request(userId).willReturn(detail(403, "User " + userId + " is not a member of org " + orgId)));
    }

    /** Every service key is refused, as OpenHands does when the key is not its AUTOMATIONS_SERVICE_KEY. */
    public void refuseEveryServiceKey() {
        openHands.stubFor(post(urlPathMatching("/api/service/users/[^/]+/orgs/[^/]+/api-keys"))
                .willReturn(detail(401, "Invalid service API key")));
    }

    /** The requests for this user's key. */
    public List<LoggedRequest> requestsFor(String userId) {
        return openHands.findAll(postRequestedFor(urlEqualTo(path(userId, orgId))));
    }

    private MappingBuilder request(String userId) {
        return post(urlEqualTo(path(userId, orgId))).withHeader("X-Service-API-Key", equalTo(serviceKey))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(equalToJson("{\"name\":\"" + KEY_NAME + "\"}"));
    }

    private ResponseDefinitionBuilder issued(String userId, String apiKey) {
        return okJson(Json.createObjectBuilder().add("key", apiKey).add("user_id", userId).add("org_id", orgId)
                .add("name", KEY_NAME).build().toString());
    }

    private static ResponseDefinitionBuilder detail(int status, String detail) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(Json.createObjectBuilder().add("detail", detail).build().toString());
    }
}
