package dev.openhands.jiradc.testing.openhands;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.*;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.openhands.jiradc.openhands.control.OpenHandsApi;
import dev.openhands.jiradc.openhands.control.OpenHandsServiceApi;
import dev.openhands.jiradc.openhands.entity.Conversation;
import dev.openhands.jiradc.openhands.entity.StartTask;
import dev.openhands.jiradc.testing.MockServers;
import jakarta.json.bind.annotation.JsonbProperty;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The contract check has teeth: what OpenHands' published API description does not allow is refused (the deprecated
 * V0 repository route, a missing required parameter, a start task without its required fields, an event of the wrong
 * shape), and what it allows, built by the same helpers the integration tests stub OpenHands with, passes.
 */
class OpenHandsContractTest {

    static final ApiContract CONTRACT = new OpenHandsContract();
    static final String KEY = "oh-key-1";
    static final String TASK = OpenHandsConversations.id("task-1");
    static final String CONVERSATION = OpenHandsConversations.id("conv-1");
    static final Map<String, String> BEARER = Map.of("authorization", "Bearer " + KEY);

    @Test
    void theDeprecatedV0RepositorySearchIsRefused() {
        assertEquals(List.of("the description has no path /api/user/search/repositories"), CONTRACT.violations(
                read("/api/user/search/repositories", Map.of("query", List.of("org/repo")), 200, "[]")));
    }

    @Test
    void aRepositorySearchWithoutTheRequiredProviderIsRefusedAndWithItPasses() {
        String page = "{\"items\":[{\"id\":\"77\",\"full_name\":\"org/repo\",\"git_provider\":\"github\","
                + "\"is_public\":false}],"
                + "\"next_page_id\":null}";
        assertEquals(List.of("the required query parameter 'provider' is missing"), CONTRACT.violations(
                read("/api/v1/git/repositories/search", Map.of("query", List.of("org/repo")), 200, page)));
        assertEquals(List.of(), CONTRACT.violations(read("/api/v1/git/repositories/search",
                Map.of("provider", List.of("github"), "query", List.of("org/repo"), "limit", List.of("10")), 200,
                page)));
        assertEquals(
                List.of("query parameter 'provider': the value is \"github_enterprise\", the description wants enum "
                        + "[\"github\",\"gitlab\",\"bitbucket\",\"bitbucket_data_center\",\"forgejo\",\"azure_devops\","
                        + "\"enterprise_sso\"]"),
                CONTRACT.violations(read("/api/v1/git/repositories/search",
                        Map.of("provider", List.of("github_enterprise")), 200, page)));
    }

    @Test
    void aStartTaskWithoutItsRequiredFieldsIsRefused() {
        String answer = "{\"id\":\"" + TASK + "\",\"status\":\"WORKING\",\"app_conversation_id\":null}";
        assertEquals(List.of("answer 200: the body lacks the required 'created_by_user_id'",
                "answer 200: the body lacks the required 'request'"), CONTRACT.violations(startExchange(answer)));
    }

    @Test
    void theStandInsStartTaskConversationAndEventsPass() {
        ContractCheck check = new ContractCheck("OpenHands", CONTRACT);
        WireMockServer server = MockServers.startOpenHands(check);
        try {
            var openHands = new OpenHandsConversations(server, "org/repo");
            openHands.startTaskIs(KEY, TASK, "READY", CONVERSATION, null);
            openHands.conversationIs(KEY, CONVERSATION, "finished", "RUNNING", 12);
            openHands.eventsAre(KEY, CONVERSATION, OpenHandsConversations.finish("e4", "Done"),
                    OpenHandsConversations.agentMessage("e3", "Running the tests"),
                    OpenHandsConversations.error("e2", "quota"),
                    OpenHandsConversations.observation("e1"));
            OpenHandsUsers.keyBelongsTo(server, KEY, "alice@example.com");
            String started = send(server, "POST", "/api/v1/app-conversations",
                    "{\"title\":\"Jira DC ACME-1\",\"selected_repository\":\"org/repo\",\"initial_message\":"
                            + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"fix it\"}]}}");
            assertTrue(started.contains("\"status\":\"WORKING\""),
                    "a start is answered WORKING, never READY at once: " + started);
            assertTrue(send(server, "GET", "/api/v1/app-conversations/start-tasks?ids=" + TASK, "")
                    .contains("\"status\":\"READY\""));
            send(server, "GET", "/api/v1/app-conversations?ids=" + CONVERSATION, "");
            send(server, "GET",
                    "/api/v1/conversation/" + CONVERSATION + "/events/search?sort_order=TIMESTAMP_DESC&limit=20", "");
            send(server, "GET", "/api/v1/users/me", "");
            openHands.conversationCanBeDeleted(KEY, CONVERSATION);
            assertEquals("{\"success\":true}", send(server, "DELETE", "/api/v1/app-conversations/" + CONVERSATION, ""),
                    "an admin's stop deletes the conversation");
            assertEquals("[null,null]",
                    send(server, "GET", "/api/v1/app-conversations/start-tasks?ids=" + CONVERSATION + "&ids=" + TASK
                            .replace('a', 'b'), ""),
                    "ids no stub knows are null entries, one for each");
            assertEquals(List.of(), check.violations());
        } finally {
            server.stop();
        }
    }

    @Test
    void aServedExchangeThatDepartsFromTheDescriptionFailsTheCheckWithItsListing() {
        ContractCheck check = new ContractCheck("OpenHands", CONTRACT);
        WireMockServer server = MockServers.startOpenHands(check);
        try {
            server.stubFor(get(urlPathEqualTo("/api/user/search/repositories")).willReturn(okJson("[]")));
            send(server, "GET", "/api/user/search/repositories?query=org/repo", "");
        } finally {
            server.stop();
        }
        AssertionError failure = assertThrows(AssertionError.class, check::assertConforming);
        assertEquals("1 exchange(s) with the OpenHands stand-in depart from OpenHands's API description:\n"
                + "  GET /api/user/search/repositories?query=org/repo -> 200: the description has no path"
                + " /api/user/search/repositories",
                failure.getMessage());
    }

    @Test
    void anEventLackingWhatItsKindRequiresIsRefusedForThatKindAlone() {
        String action = "{\"kind\":\"ActionEvent\",\"id\":\"e1\",\"source\":\"agent\",\"tool_name\":\"finish\","
                + "\"action\":{\"kind\":\"FinishAction\",\"message\":\"done\"}}";
        assertEquals(
                List.of("answer 200: /items/0 lacks the required 'thought'",
                        "answer 200: /items/0 lacks the required 'tool_call_id'",
                        "answer 200: /items/0 lacks the required 'tool_call'",
                        "answer 200: /items/0 lacks the required 'llm_response_id'"),
                CONTRACT.violations(events("{\"items\":[" + action + "]}")));
        assertEquals(List.of("answer 200: /items/0 lacks the required 'code'"),
                CONTRACT.violations(events("{\"items\":["
                        + OpenHandsConversations.error("e2", "quota").toString().replace("\"code\":\"LLMError\",", "")
                        + "]}")));
        assertEquals(List.of(), CONTRACT
                .violations(events(OpenHandsConversations.eventPage(OpenHandsConversations.finish("e1", "Done")))));
    }

    @Test
    void aRequestBodyOutsideItsSchemaIsRefused() {
        String message = "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}],\"run\":true}";
        assertEquals(List.of("request body: /role is \"assistant\", the description wants const \"user\""),
                CONTRACT.violations(
                        new ApiExchange("POST", "/api/v1/app-conversations/" + CONVERSATION + "/send-message", Map.of(),
                                json(BEARER), message,
                                409, "", "")));
    }

    @Test
    void statusesAreThoseTheOperationListsOrOnesAnyServerMayAnswer() {
        assertEquals(List.of(), CONTRACT.violations(new ApiExchange("POST", "/api/v1/app-conversations/" + CONVERSATION
                + "/send-message", Map.of(), json(BEARER), "{\"content\":[{\"text\":\"hi\"}]}", 410, "text/plain",
                "gone")),
                "listed without a body: any body");
        assertEquals(List.of(),
                CONTRACT.violations(read("/api/v1/users/me", Map.of(), 401, "{\"detail\":\"Not authenticated\"}")));
        assertEquals(List.of(), CONTRACT.violations(read("/api/v1/users/me", Map.of(), 503, "")));
        assertEquals(List.of("the answer 404 is not one the description lists for GET on /api/v1/users/me (200, 422)"),
                CONTRACT.violations(read("/api/v1/users/me", Map.of(), 404, "{\"detail\":\"Not Found\"}")));
        String path = "/api/service/users/" + OpenHandsUsers.idOf(KEY) + "/orgs/" + OpenHandsConversations.id("org-1")
                + "/api-keys";
        assertEquals(List.of(),
                CONTRACT.violations(new ApiExchange("POST", path, Map.of(), Map.of("content-type", "application/json",
                        "x-service-api-key", "service-key"), "{\"name\":\"jira-dc\"}", 404, "application/json",
                        "{\"detail\":\"User not found\"}")),
                "the operation's description names 'HTTPException: 404 if user not found'");
        assertEquals(List.of(
                "the answer 409 is not one the description lists for POST on"
                        + " /api/service/users/{user_id}/orgs/{org_id}/api-keys (200, 422)"),
                CONTRACT.violations(new ApiExchange("POST", path, Map.of(), Map.of("content-type", "application/json",
                        "x-service-api-key", "service-key"), "{\"name\":\"jira-dc\"}", 409, "application/json", "{}")),
                "but no other");
    }

    @Test
    void batchIdsOfStartTasksAreUuidsAndUnknownOnesAreNull() {
        assertEquals(List.of(), CONTRACT.violations(
                read("/api/v1/app-conversations/start-tasks", Map.of("ids", List.of(TASK)), 200, "[null]")));
        assertEquals(List.of("query parameter 'ids': /0 is \"task-1\", not a valid uuid"), CONTRACT.violations(
                read("/api/v1/app-conversations/start-tasks", Map.of("ids", List.of("task-1")), 200, "[null]")));
    }

    @Test
    void credentialsAreABearerKeyOrAnAccessTokenAndServiceCallsCarryTheServiceKey() {
        assertEquals(
                List.of("no credentials: a secured operation needs 'Authorization: Bearer <key>' or 'X-Access-Token'"),
                CONTRACT.violations(new ApiExchange("GET", "/api/v1/users/me", Map.of(), Map.of(), "", 200,
                        "application/json", "{}")));
        assertEquals(List.of(), CONTRACT.violations(new ApiExchange("GET", "/api/v1/users/me", Map.of(),
                Map.of("x-access-token", KEY), "", 200, "application/json", "{}")));
        String path = "/api/service/users/" + OpenHandsUsers.idOf(KEY) + "/orgs/" + OpenHandsConversations.id("org-1")
                + "/api-keys";
        assertEquals(List.of("no service key: this service-to-service operation needs the header X-Service-API-Key"),
                CONTRACT.violations(new ApiExchange("POST", path, Map.of(), Map.of("content-type", "application/json"),
                        "{\"name\":\"jira-dc\"}", 401, "", "")));
    }

    /**
     * The REST clients' records are named after the description's schemas, and every JSON name they read or write is a
     * property of that schema: a field misspelt, or one the description does not have, would be read as absent forever.
     */
    @Test
    void everyFieldTheRestClientsReadOrWriteIsOneTheDescriptionNames() {
        List<Class<?>> records = java.util.stream.Stream.of(OpenHandsApi.class, OpenHandsServiceApi.class)
                .flatMap(api -> java.util.Arrays.stream(api.getDeclaredClasses())).filter(Class::isRecord).toList();
        assertTrue(records.size() >= 15, records.toString());
        for (Class<?> type : records) {
            List<String> schemas = OpenHandsContract.schemasNamed(type.getSimpleName());
            assertFalse(schemas.isEmpty(), type.getSimpleName() + " is named after no schema of the description");
            for (String schema : schemas) {
                for (RecordComponent component : type.getRecordComponents()) {
                    JsonbProperty renamed = component.getAccessor().getAnnotation(JsonbProperty.class);
                    String json = renamed != null ? renamed.value() : component.getName();
                    assertTrue(OpenHandsContract.properties(schema).contains(json), schema + " has no property '" + json
                            + "' (" + type.getSimpleName() + "." + component.getName() + ")");
                }
            }
        }
    }

    /**
     * The statuses this service tells apart are the description's, and only an UNKNOWN beside them stands for a newer
     * one.
     */
    @Test
    void theStatusEnumsAreTheDescriptionsWithUnknownBeside() {
        assertEquals(OpenHandsContract.enumValues("AppConversationStartTaskStatus"),
                described(StartTask.Status.values(), Enum::name));
        assertEquals(OpenHandsContract.enumValues("ConversationExecutionStatus"),
                described(Conversation.ExecutionStatus.values(), Conversation.ExecutionStatus::apiName));
        assertEquals(OpenHandsContract.enumValues("SandboxStatus"),
                described(Conversation.SandboxStatus.values(), Enum::name));
    }

    static <E extends Enum<E>> List<String> described(E[] values, java.util.function.Function<E, String> apiName) {
        assertEquals("UNKNOWN", values[values.length - 1].name(), "UNKNOWN comes last");
        return java.util.Arrays.stream(values).filter(value -> !value.name().equals("UNKNOWN")).map(apiName).toList();
    }

    static ApiExchange read(String path, Map<String, List<String>> query, int status, String body) {
        return new ApiExchange("GET", path, query, BEARER, "", status, "application/json", body);
    }

    static ApiExchange startExchange(String answer) {
        return new ApiExchange("POST", "/api/v1/app-conversations", Map.of(), json(BEARER),
                "{\"selected_repository\":\"org/repo\"}",
                200, "application/json", answer);
    }

    static ApiExchange events(String page) {
        return read("/api/v1/conversation/" + CONVERSATION + "/events/search",
                Map.of("sort_order", List.of("TIMESTAMP_DESC")), 200, page);
    }

    static Map<String, String> json(Map<String, String> headers) {
        var all = new java.util.HashMap<>(headers);
        all.put("content-type", "application/json");
        return all;
    }

    static String send(WireMockServer server, String method, String pathAndQuery, String body) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(URI.create(MockServers.baseUrl(server)
                            + pathAndQuery)).header("Authorization", "Bearer " + KEY)
                            .header("Content-Type", "application/json")
                            .method(method,
                                    body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                                            : HttpRequest.BodyPublishers.ofString(body))
                            .build(), HttpResponse.BodyHandlers.ofString());
            return response.body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
