package dev.openhands.jiradc.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.*;

import com.github.tomakehurst.wiremock.WireMockServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.util.Optional;

/**
 * OpenHands' start tasks, conversations and events as WireMock answers them, shaped like the app server's
 * V1 API ({@code /api/v1/app-conversations}, {@code /api/v1/conversation/{id}/events/search}). A test moves
 * a conversation on by stubbing its next state.
 */
public final class OpenHandsConversations {

    private final WireMockServer openHands;
    private final String repository;

    public OpenHandsConversations(WireMockServer openHands, String repository) {
        this.openHands = openHands;
        this.repository = repository;
    }

    /** Starting a conversation with this key answers this task, and the task is this when asked again. */
    public void startTaskIs(String apiKey, String taskId, String status, String conversationId, String detail) {
        JsonObjectBuilder task = Json.createObjectBuilder().add("id", taskId).add("status", status)
                .add("request", Json.createObjectBuilder());
        if (conversationId == null) {
            task.addNull("app_conversation_id");
        } else {
            task.add("app_conversation_id", conversationId);
        }
        if (detail != null) {
            task.add("detail", detail);
        }
        String json = task.build().toString();
        openHands.stubFor(post("/api/v1/app-conversations").withHeader("Authorization", equalTo("Bearer " + apiKey))
                .willReturn(okJson(json)));
        openHands.stubFor(get(urlPathEqualTo("/api/v1/app-conversations/start-tasks")).withQueryParam("ids", equalTo(taskId))
                .withHeader("Authorization", equalTo("Bearer " + apiKey)).willReturn(okJson("[" + json + "]")));
    }

    /** The conversation as OpenHands reports it: its execution status (null when the sandbox is not running) and pull requests. */
    public void conversationIs(String apiKey, String conversationId, String executionStatus, String sandboxStatus,
            int... pullRequests) {
        JsonArrayBuilder numbers = Json.createArrayBuilder();
        for (int number : pullRequests) {
            numbers.add(number);
        }
        JsonObjectBuilder conversation = Json.createObjectBuilder().add("id", conversationId).add("sandbox_id", "sb-1")
                .add("selected_repository", repository).add("git_provider", "github").add("sandbox_status", sandboxStatus)
                .add("pr_number", numbers).add("title", "Jira DC issue");
        if (executionStatus == null) {
            conversation.addNull("execution_status");
        } else {
            conversation.add("execution_status", executionStatus);
        }
        openHands.stubFor(get(urlPathEqualTo("/api/v1/app-conversations")).withQueryParam("ids", equalTo(conversationId))
                .withHeader("Authorization", equalTo("Bearer " + apiKey))
                .willReturn(okJson(Json.createArrayBuilder().add(conversation).build().toString())));
    }

    /** The conversation's events, newest first (as asked for with {@code sort_order=TIMESTAMP_DESC}). */
    public void eventsAre(String apiKey, String conversationId, JsonObject... newestFirst) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (JsonObject event : newestFirst) {
            items.add(event);
        }
        openHands.stubFor(get(urlPathEqualTo("/api/v1/conversation/" + conversationId + "/events/search"))
                .withQueryParam("sort_order", equalTo("TIMESTAMP_DESC")).withHeader("Authorization", equalTo("Bearer " + apiKey))
                .willReturn(okJson(Json.createObjectBuilder().add("items", items).addNull("next_page_id").build().toString())));
    }

    /** Waits until the service has read the conversation's events: it has seen the conversation running. */
    public void awaitEventsRead(String conversationId) {
        Eventually.await(() -> Optional.of(openHands.findAll(getRequestedFor(urlPathEqualTo("/api/v1/conversation/"
                + conversationId + "/events/search"))).size()).filter(n -> n > 0), "the events of " + conversationId + " to be read");
    }

    /** How often the service has looked at the conversation so far. */
    public int conversationChecks(String conversationId) {
        return openHands.findAll(getRequestedFor(urlPathEqualTo("/api/v1/app-conversations"))
                .withQueryParam("ids", equalTo(conversationId))).size();
    }

    public static JsonObject observation(String id) {
        return event(id, "ObservationEvent", "environment").add("tool_name", "terminal").build();
    }

    public static JsonObject finish(String id, String message) {
        return event(id, "ActionEvent", "agent").add("tool_name", "finish")
                .add("action", Json.createObjectBuilder().add("kind", "FinishAction").add("message", message)).build();
    }

    public static JsonObject agentMessage(String id, String text) {
        return event(id, "MessageEvent", "agent").add("llm_message", Json.createObjectBuilder().add("role", "assistant")
                .add("content", Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "text").add("text", text))))
                .build();
    }

    public static JsonObject error(String id, String detail) {
        return event(id, "ConversationErrorEvent", "environment").add("code", "LLMError").add("detail", detail).build();
    }

    private static JsonObjectBuilder event(String id, String kind, String source) {
        return Json.createObjectBuilder().add("kind", kind).add("id", id).add("timestamp", "2026-11-29T10:00:00").add("source", source);
    }

    /** The text of a message as the service sent it to OpenHands. */
    public static String messageText(String body) {
        return Json.createReader(new StringReader(body)).readObject().getJsonArray("content").getJsonObject(0).getString("text");
    }
}
