package dev.openhands.jiradc.testing.openhands;

import static com.github.tomakehurst.wiremock.client.WireMock.*;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.openhands.jiradc.testing.Eventually;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * OpenHands' start tasks, conversations and events as WireMock answers them, in the shapes of OpenHands' published
 * API description ({@code AppConversationStartTask}, {@code AppConversation}, {@code EventPage}): a start is answered
 * with a task in {@code WORKING}, which is in the state the test says when asked for later; a test moves a
 * conversation on by stubbing its next state.
 */
public final class OpenHandsConversations {

    static final String CREATED = "2026-11-29T10:00:00Z";

    private final WireMockServer openHands;
    private final String repository;
    private final int delayMillis;

    public OpenHandsConversations(WireMockServer openHands, String repository) {
        this(openHands, repository, Duration.ZERO);
    }

    private OpenHandsConversations(WireMockServer openHands, String repository, Duration delay) {
        this.openHands = openHands;
        this.repository = repository;
        this.delayMillis = (int) delay.toMillis();
    }

    /**
     * The same, except that a start and a look at a conversation are answered only after {@code delay}: a slow
     * OpenHands.
     */
    public OpenHandsConversations answeringAfter(Duration delay) {
        return new OpenHandsConversations(openHands, repository, delay);
    }

    /**
     * OpenHands' ids are UUIDs: the one a test calls by this name ({@code "task-" + person.id}), the same every time.
     */
    public static String id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * Starting a conversation with this key answers the task in {@code WORKING}, as OpenHands does; asked for later
     * ({@code start-tasks?ids=}), the task is in this status, with the conversation when {@code READY}.
     */
    public void startTaskIs(String apiKey, String taskId, String status, String conversationId, String detail) {
        openHands.stubFor(post("/api/v1/app-conversations").withHeader("Authorization", equalTo("Bearer " + apiKey))
                .willReturn(okJson(startTask(apiKey, taskId, "WORKING", null, null).toString())
                        .withFixedDelay(delayMillis)));
        openHands.stubFor(
                get(urlPathEqualTo("/api/v1/app-conversations/start-tasks")).withQueryParam("ids", equalTo(taskId))
                        .withHeader("Authorization", equalTo("Bearer " + apiKey))
                        .willReturn(okJson("[" + startTask(apiKey, taskId, status, conversationId, detail) + "]")));
    }

    /**
     * A start for this issue (its title names it) answers its own task, {@code READY} with this conversation when asked
     * later: for one person's several jobs, each on its issue.
     */
    public void startTaskOnIssueIs(String apiKey, String issueKey, String taskId, String conversationId) {
        openHands.stubFor(post("/api/v1/app-conversations").withHeader("Authorization", equalTo("Bearer " + apiKey))
                .withRequestBody(containing("\"Jira DC " + issueKey + ":"))
                .willReturn(okJson(startTask(apiKey, taskId, "WORKING", null, null).toString())));
        openHands.stubFor(
                get(urlPathEqualTo("/api/v1/app-conversations/start-tasks")).withQueryParam("ids", equalTo(taskId))
                        .withHeader("Authorization", equalTo("Bearer " + apiKey))
                        .willReturn(okJson("[" + startTask(apiKey, taskId, "READY", conversationId, null) + "]")));
    }

    /** Deleting the conversation with this key succeeds ({@code Success}), as OpenHands answers it. */
    public void conversationCanBeDeleted(String apiKey, String conversationId) {
        openHands.stubFor(delete("/api/v1/app-conversations/" + conversationId)
                .withHeader("Authorization", equalTo("Bearer " + apiKey))
                .willReturn(okJson(Json.createObjectBuilder().add("success", true).build().toString())));
    }

    /** How often the service asked OpenHands to delete the conversation, with this key. */
    public int deletions(String apiKey, String conversationId) {
        return openHands.findAll(deleteRequestedFor(urlEqualTo("/api/v1/app-conversations/" + conversationId))
                .withHeader("Authorization", equalTo("Bearer " + apiKey))).size();
    }

    /**
     * As {@link #startTaskIs} {@code READY} with the conversation, except that the first {@code workingLooks} looks at
     * the task find it still {@code WORKING}, as OpenHands' start tasks are while the sandbox starts.
     */
    public void startTaskIsReadyAfter(int workingLooks, String apiKey, String taskId, String conversationId) {
        startTaskIs(apiKey, taskId, "READY", conversationId, null);
        for (int look = 0; look < workingLooks; look++) {
            openHands.stubFor(
                    get(urlPathEqualTo("/api/v1/app-conversations/start-tasks")).withQueryParam("ids", equalTo(taskId))
                            .withHeader("Authorization", equalTo("Bearer " + apiKey)).atPriority(1)
                            .inScenario("start task " + taskId)
                            .whenScenarioStateIs(look == 0 ? Scenario.STARTED : "looked " + look)
                            .willSetStateTo("looked " + (look + 1))
                            .willReturn(okJson("[" + startTask(apiKey, taskId, "WORKING", null, null) + "]")));
        }
    }

    /** How often the service has looked at the start task so far. */
    public int startTaskLooks(String taskId) {
        return openHands.findAll(getRequestedFor(urlPathEqualTo("/api/v1/app-conversations/start-tasks"))
                .withQueryParam("ids", equalTo(taskId))).size();
    }

    /**
     * The next start with this key is made by OpenHands, but its answer is lost on the way: the connection breaks
     * before it arrives. Later starts are answered as before.
     */
    public void startAnswerIsLost(String apiKey, String taskId) {
        openHands.stubFor(post("/api/v1/app-conversations").withHeader("Authorization", equalTo("Bearer " + apiKey))
                .atPriority(1)
                .inScenario("lost start " + apiKey).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("answer lost")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)
                        .withBody(startTask(apiKey, taskId, "WORKING", null, null).toString())));
    }

    private JsonObject startTask(String apiKey, String taskId, String status, String conversationId, String detail) {
        return startTask(OpenHandsUsers.idOf(apiKey), repository, taskId, status, conversationId, detail);
    }

    /** An {@code AppConversationStartTask} of this user's in the repository; with the conversation when it has one. */
    public static JsonObject startTask(String userId, String repository, String taskId, String status,
            String conversationId,
            String detail) {
        boolean ready = conversationId != null;
        JsonObjectBuilder task = Json.createObjectBuilder().add("id", taskId).add("created_by_user_id", userId)
                .add("status", status)
                .add("request",
                        Json.createObjectBuilder().add("selected_repository", repository).add("git_provider", "github")
                                .add("pr_number", Json.createArrayBuilder()).add("agent_type", "default"))
                .add("created_at", CREATED).add("updated_at", CREATED);
        nullable(task, "detail", detail);
        nullable(task, "app_conversation_id", conversationId);
        nullable(task, "sandbox_id", ready ? sandboxOf(conversationId) : null);
        nullable(task, "agent_server_url", ready ? "http://127.0.0.1:1/" + sandboxOf(conversationId) : null);
        return task.build();
    }

    /**
     * The conversation as OpenHands reports it: its execution status (null when the sandbox is not running) and pull
     * requests.
     */
    public void conversationIs(String apiKey, String conversationId, String executionStatus, String sandboxStatus,
            int... pullRequests) {
        JsonObject conversation = conversation(OpenHandsUsers.idOf(apiKey), repository, conversationId, executionStatus,
                sandboxStatus, pullRequests);
        openHands
                .stubFor(get(urlPathEqualTo("/api/v1/app-conversations")).withQueryParam("ids", equalTo(conversationId))
                        .withHeader("Authorization", equalTo("Bearer " + apiKey))
                        .willReturn(okJson(Json.createArrayBuilder().add(conversation).build().toString())
                                .withFixedDelay(delayMillis)));
    }

    /** An {@code AppConversation} of this user's in the repository. */
    public static JsonObject conversation(String userId, String repository, String conversationId,
            String executionStatus,
            String sandboxStatus, int... pullRequests) {
        JsonArrayBuilder numbers = Json.createArrayBuilder();
        for (int number : pullRequests) {
            numbers.add(number);
        }
        JsonObjectBuilder conversation = Json.createObjectBuilder().add("id", conversationId)
                .add("created_by_user_id", userId).add("sandbox_id", sandboxOf(conversationId))
                .add("selected_repository", repository).addNull("selected_branch").add("git_provider", "github")
                .add("title", "Jira DC issue").add("pr_number", numbers).add("agent_kind", "openhands")
                .add("sub_conversation_ids", Json.createArrayBuilder()).add("tags", Json.createObjectBuilder())
                .add("created_at", CREATED).add("updated_at", CREATED).add("sandbox_status", sandboxStatus)
                .addNull("acp_server").addNull("launched_agent_profile");
        nullable(conversation, "execution_status", executionStatus);
        return conversation.build();
    }

    /** The conversation's events, newest first (as asked for with {@code sort_order=TIMESTAMP_DESC}). */
    public void eventsAre(String apiKey, String conversationId, JsonObject... newestFirst) {
        openHands.stubFor(get(urlPathEqualTo("/api/v1/conversation/" + conversationId + "/events/search"))
                .withQueryParam("sort_order", equalTo("TIMESTAMP_DESC"))
                .withHeader("Authorization", equalTo("Bearer " + apiKey))
                .willReturn(okJson(eventPage(newestFirst))));
    }

    /** An {@code EventPage} of these events, the last page. */
    public static String eventPage(JsonObject... events) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (JsonObject event : events) {
            items.add(event);
        }
        return Json.createObjectBuilder().add("items", items).addNull("next_page_id").build().toString();
    }

    /** Waits until the service has read the conversation's events: it has seen the conversation running. */
    public void awaitEventsRead(String conversationId) {
        Eventually.await(() -> Optional.of(openHands.findAll(getRequestedFor(urlPathEqualTo("/api/v1/conversation/"
                + conversationId + "/events/search"))).size()).filter(n -> n > 0),
                "the events of " + conversationId + " to be read");
    }

    /** How often the service has looked at the conversation so far. */
    public int conversationChecks(String conversationId) {
        return openHands.findAll(getRequestedFor(urlPathEqualTo("/api/v1/app-conversations"))
                .withQueryParam("ids", equalTo(conversationId))).size();
    }

    /** A terminal command's result ({@code ObservationEvent} of a {@code TerminalObservation}). */
    public static JsonObject observation(String id) {
        return event(id, "ObservationEvent", "environment").add("tool_name", "terminal")
                .add("tool_call_id", "call-" + id)
                .add("observation",
                        Json.createObjectBuilder().add("kind", "TerminalObservation").add("command", "mvn -q test")
                                .add("exit_code", 0)
                                .add("content", Json.createArrayBuilder().add(text("Tests run: 12, Failures: 0"))))
                .add("action_id", "action-" + id).build();
    }

    /** The agent calling its finish tool ({@code ActionEvent} of a {@code FinishAction}) with its closing message. */
    public static JsonObject finish(String id, String message) {
        return event(id, "ActionEvent", "agent").add("thought", Json.createArrayBuilder()).add("tool_name", "finish")
                .add("tool_call_id", "call-" + id)
                .add("tool_call", Json.createObjectBuilder().add("id", "call-" + id).add("name", "finish")
                        .add("arguments", Json.createObjectBuilder().add("message", message).build().toString())
                        .add("origin", "completion"))
                .add("llm_response_id", "response-" + id)
                .add("action", Json.createObjectBuilder().add("kind", "FinishAction").add("message", message)).build();
    }

    /** A message of the agent's own ({@code MessageEvent}). */
    public static JsonObject agentMessage(String id, String text) {
        return event(id, "MessageEvent", "agent").add("llm_message", Json.createObjectBuilder().add("role", "assistant")
                .add("content", Json.createArrayBuilder().add(text(text)))).add("llm_response_id", "response-" + id)
                .build();
    }

    /** The conversation failing ({@code ConversationErrorEvent}). */
    public static JsonObject error(String id, String detail) {
        return event(id, "ConversationErrorEvent", "environment").add("code", "LLMError").add("detail", detail).build();
    }

    private static JsonObjectBuilder event(String id, String kind, String source) {
        return Json.createObjectBuilder().add("kind", kind).add("id", id).add("timestamp", "2026-11-29T10:00:00")
                .add("source", source);
    }

    private static JsonObjectBuilder text(String text) {
        return Json.createObjectBuilder().add("type", "text").add("text", text);
    }

    private static String sandboxOf(String conversationId) {
        return "sandbox-" + conversationId.substring(0, 8);
    }

    private static void nullable(JsonObjectBuilder object, String name, String value) {
        if (value == null) {
            object.addNull(name);
        } else {
            object.add(name, value);
        }
    }

    /** The text of a message as the service sent it to OpenHands. */
    public static String messageText(String body) {
        return Json.createReader(new StringReader(body)).readObject().getJsonArray("content").getJsonObject(0)
                .getString("text");
    }
}
