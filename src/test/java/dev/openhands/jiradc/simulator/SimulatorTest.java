package dev.openhands.jiradc.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.*;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.openhands.jiradc.testing.Eventually;
import dev.openhands.jiradc.testing.Http;
import dev.openhands.jiradc.testing.MockServers;
import dev.openhands.jiradc.testing.jira.JiraEvent;
import dev.openhands.jiradc.testing.jira.JiraWebhookSigner;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulator on its own, over HTTP as the service and a browser use it: its OpenHands answers every call the service
 * makes, in every ending the page offers, within OpenHands' published API description (the same contract check as
 * every test); its Jira keeps the webhook the service registers with the admin PAT, refuses any other PAT, and sends a
 * comment made on the page as Jira does, as the signed pair.
 */
class SimulatorTest {

    static Simulator simulator;

    @BeforeAll
    static void start() {
        simulator = Simulator.start(0, 0, "http://localhost:1", Duration.ofMillis(300), Duration.ofMillis(600));
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void everyEndingIsAnsweredInOpenHandsOwnShapes() {
        assertEquals("developer@example.com", Http.json(openHands("GET", "/api/v1/users/me", null)).getString("email"));
        assertEquals("github",
                Http.json(openHands("GET", "/api/v1/users/git-organizations", null)).getString("provider"));
        assertEquals("acme/web-app",
                Http.json(openHands("GET",
                        "/api/v1/git/repositories/search?provider=github&query=acme%2Fweb-app&limit=10",
                        null)).getJsonArray("items").getJsonObject(0).getString("full_name"));
        for (var ending : List.of(new String[]{"PULL_REQUEST", "finished", "FinishAction"},
                new String[]{"FAILS", "error", "ConversationErrorEvent"},
                new String[]{"STUCK", "stuck", "MessageEvent"}, new String[]{"ASKS", "finished", "FinishAction"})) {
            assertEquals(303, page("/simulator/ending", "ending=" + ending[0]).statusCode());
            JsonObject task = Http.json(openHands("POST", "/api/v1/app-conversations", """
                    {"selected_repository":"acme/web-app","git_provider":"github","title":"ACME-1",\
                    "initial_message":{"role":"user","content":[{"type":"text","text":"Fix ACME-1"}]}}"""));
            assertEquals("WORKING", task.getString("status"));
            String conversation = Eventually.await(() -> Optional.of(Http.json("{\"list\":" + openHands("GET",
                    "/api/v1/app-conversations/start-tasks?ids=" + task.getString("id"), null).body() + "}")
                    .getJsonArray("list")
                    .getJsonObject(0)).filter(found -> found.getString("status").equals("READY"))
                    .map(found -> found.getString("app_conversation_id")), "the task to be READY");
            JsonObject ended = Eventually.await(() -> Optional.of(Http.json("{\"list\":" + openHands("GET",
                    "/api/v1/app-conversations?ids=" + conversation, null).body() + "}").getJsonArray("list")
                    .getJsonObject(0))
                    .filter(found -> !found.getString("execution_status").equals("running")),
                    "the conversation to end");
            assertEquals(ending[1], ended.getString("execution_status"), ending[0]);
            assertEquals(ending[0].equals("PULL_REQUEST") ? 1 : 0, ended.getJsonArray("pr_number").size(), ending[0]);
            JsonObject newest = Http.json(openHands("GET", "/api/v1/conversation/" + conversation
                    + "/events/search?sort_order=TIMESTAMP_DESC&limit=5", null)).getJsonArray("items").getJsonObject(0);
            assertEquals(ending[2],
                    newest.getString("kind").equals("ActionEvent") ? newest.getJsonObject("action").getString("kind")
                            : newest.getString("kind"),
                    ending[0]);
        }
        assertEquals(List.of(), simulator.contractViolations());
    }

    /** The check has teeth here too: a call OpenHands' description no longer has (a deprecated path) is reported. */
    @Test
    void aCallOutsideTheDescriptionIsReported() {
        try (Simulator other = Simulator.start(0, 0, "http://localhost:1", Duration.ofMillis(300),
                Duration.ofMillis(600))) {
            Http.send(HttpRequest
                    .newBuilder(URI.create(other.openHandsUrl() + "/api/user/search/repositories?query=acme"))
                    .header("Authorization", "Bearer sim-openhands-key").build());
            assertFalse(other.contractViolations().isEmpty());
        }
    }

    @Test
    void aCommentOnThePageGoesSignedToTheWebhookRegisteredWithTheAdminPat() {
        WireMockServer service = MockServers.start();
        try {
            service.stubFor(post("/events").willReturn(okJson("{\"outcome\":\"trigger\"}")));
            String webhook = """
                    {"name":"OpenHands","url":"%s/events","events":%s,"active":true,"scopeType":"global",\
                    "configuration":{"SECRET":"the-secret","EXCLUDE_BODY":"false"}}"""
                    .formatted(MockServers.baseUrl(service), Http.json("{\"e\":" + JiraEvent.SUBSCRIBED_EVENTS.stream()
                            .map(event -> "\"" + event + "\"").toList() + "}").getJsonArray("e"));
            assertEquals(401,
                    jira("POST", "/rest/jira-webhook/1.0/webhooks", "not-an-admin-pat", webhook).statusCode());
            assertEquals(201,
                    jira("POST", "/rest/jira-webhook/1.0/webhooks", JiraAccounts.ADMIN_PAT, webhook).statusCode());
            assertTrue(jira("GET", "/rest/jira-webhook/1.0/webhooks", JiraAccounts.ADMIN_PAT, null).body()
                    .contains(MockServers.baseUrl(service) + "/events"));

            assertEquals(303, page("/simulator/comment", "body=%40openhands+fix+the+typo").statusCode());
            List<LoggedRequest> delivered = service.findAll(postRequestedFor(urlEqualTo("/events")));
            assertEquals(2, delivered.size());
            for (LoggedRequest delivery : delivered) {
                assertEquals(JiraWebhookSigner.sign(delivery.getBody(), "the-secret"),
                        delivery.getHeader(JiraWebhookSigner.HEADER));
            }
            JsonObject created = Http.json(delivered.get(0).getBodyAsString());
            assertEquals("comment_created", created.getString("webhookEvent"));
            assertEquals("@openhands fix the typo", created.getJsonObject("comment").getString("body"));
            assertEquals("developer", created.getJsonObject("comment").getJsonObject("author").getString("name"));
            assertEquals("issue_commented",
                    Http.json(delivered.get(1).getBodyAsString()).getString("issue_event_type_name"));
            assertEquals(303, page("/simulator/burst", "").statusCode());
            List<LoggedRequest> burst = service.findAll(postRequestedFor(urlEqualTo("/events"))).subList(2, 22);
            assertEquals(20, burst.size());
            assertTrue(burst.stream().map(delivery -> Http.json(delivery.getBodyAsString()))
                    .allMatch(update -> update.getString("webhookEvent")
                            .equals("jira:issue_updated")
                            && update.getJsonObject("changelog").toString().contains("triage")));
            String comments = jira("GET", "/rest/api/2/issue/ACME-1/comment?orderBy=-created&maxResults=16",
                    JiraAccounts.SERVICE_ACCOUNT_PAT, null).body();
            assertTrue(comments.contains("@openhands fix the typo"), comments);
            assertEquals(401, jira("GET", "/rest/api/2/issue/ACME-1", "not-a-token", null).statusCode());
            assertEquals("jira-dc", jira("GET", "/rest/api/2/serverInfo", "", null).headers()
                    .firstValue("X-OpenHands-Simulator").orElse(""));
        } finally {
            service.stop();
        }
    }

    private static HttpResponse<String> openHands(String method, String path, String json) {
        return Http.send(request(simulator.openHandsUrl() + path, method, json)
                .header("Authorization", "Bearer sim-openhands-key").build());
    }

    private static HttpResponse<String> jira(String method, String path, String token, String json) {
        HttpRequest.Builder request = request(simulator.jiraUrl() + path, method, json);
        if (!token.isEmpty()) {
            request.header("Authorization", "Bearer " + token);
        }
        return Http.send(request.build());
    }

    private static HttpResponse<String> page(String path, String form) {
        return Http.send(HttpRequest.newBuilder(URI.create(simulator.jiraUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private static HttpRequest.Builder request(String url, String method, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        return json == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").method(method,
                        HttpRequest.BodyPublishers.ofString(json));
    }
}
