package dev.openhands.jiradc.ops.boundary;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.openhands.jiradc.testing.ActiveConnection;
import dev.openhands.jiradc.testing.AppServer;
import dev.openhands.jiradc.testing.Browser;
import dev.openhands.jiradc.testing.Eventually;
import dev.openhands.jiradc.testing.Http;
import dev.openhands.jiradc.testing.IdentityProvider;
import dev.openhands.jiradc.testing.JiraEvent;
import dev.openhands.jiradc.testing.JiraOAuthDance;
import dev.openhands.jiradc.testing.JiraScenario;
import dev.openhands.jiradc.testing.JiraStubs;
import dev.openhands.jiradc.testing.OpenHandsConversations;
import dev.openhands.jiradc.testing.OpenHandsUsers;
import dev.openhands.jiradc.testing.SessionCookies;
import dev.openhands.jiradc.testing.TestEnvironment;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same WAR file on each application server, started as ops start it and configured only by
 * environment variables: it becomes ready, and a signed Jira delivery asking {@code @openhands} ends in
 * the "I'm on it" comment on the issue (Jira and OpenHands played by WireMock, sign-in by a real OpenID
 * provider). Payara Micro in every build; Open Liberty and WildFly with {@code -Pliberty,wildfly}.
 */
class ServerSmokeIT {

    static List<AppServer.Kind> servers() {
        return AppServer.available();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void readyAndATriggerEndsInTheImOnItComment(AppServer.Kind kind) {
        TestEnvironment env = TestEnvironment.start();
        Map<String, String> config = new LinkedHashMap<>(env.database.config());
        config.putAll(env.settings.values());
        config.put("jira-dc.processing.first-retry", "PT0.5S");
        try (AppServer server = AppServer.start(kind, config)) {
            JsonObject ready = Json.createReader(new StringReader(server.awaitReady(Duration.ofMinutes(3)))).readObject();
            assertEquals("UP", ready.getString("status"), ready.toString());
            Map<String, String> checks = ready.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                    .collect(Collectors.toMap(check -> check.getString("name"), check -> check.getString("status")));
            for (String check : List.of("database", "settings", "secrets", "jira-service-account")) {
                assertEquals("UP", checks.get(check), check + " in " + ready);
            }
            triggerEndsInTheComment(env, server.url());
        } finally {
            env.stop();
        }
    }

    /** The session cookie as this server writes it from web.xml: no script reads it, and no other site's form sends it. */
    private static void sessionCookieIsHttpOnlyAndSameSiteLax(URL service) {
        String cookie = SessionCookies.atSignIn(service);
        assertTrue(cookie.contains("httponly"), cookie);
        assertTrue(cookie.contains("samesite=lax"), cookie);
    }

    private static void triggerEndsInTheComment(TestEnvironment env, URL service) {
        env.jira.stubFor(post(urlPathMatching("/rest/api/2/issue/[^/]+/comment")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"99999\"}")));
        env.jira.stubFor(post("/rest/internal/2/reactions").willReturn(okJson("{}")));

        sessionCookieIsHttpOnlyAndSameSiteLax(service);
        Browser admin = env.signIn(service, "admin", "admin@example.com", List.of(IdentityProvider.ADMIN_GROUP));
        ActiveConnection connection = ActiveConnection.create(service, admin);

        // alice: an OpenHands account linked to her Jira user, with an API key that reaches acme/web-app
        Browser alice = env.signIn(service, "alice", "alice@example.com", List.of());
        String aliceJira = JiraStubs.user(env.jiraUrl(), "alice", "JIRAUSER10001", "alice@example.com", "Alice");
        assertEquals("connected", JiraOAuthDance.connect(env, alice, aliceJira, "code-alice", "at-alice", "rt-alice"));
        OpenHandsUsers.keyBelongsTo(env.openHands, "oh-key-alice", "alice@example.com");
        assertEquals(200, alice.putJson("/api/integrations/jira-dc/account/openhands-api-key", "{\"apiKey\":\"oh-key-alice\"}")
                .statusCode());
        env.openHands.stubFor(get("/api/v1/users/git-organizations").willReturn(okJson(JiraScenario.gitOrganizations("github"))));
        env.openHands.stubFor(get(urlPathEqualTo("/api/v1/git/repositories/search")).withQueryParam("provider", equalTo("github"))
                .withQueryParam("query", equalTo("acme/web-app")).willReturn(okJson(JiraScenario.repositoryPage("github", "acme/web-app"))));
        String conversation = OpenHandsConversations.id("conv-1");
        OpenHandsConversations openHands = new OpenHandsConversations(env.openHands, "acme/web-app");
        openHands.startTaskIs("oh-key-alice", OpenHandsConversations.id("task-1"), "READY", conversation, null);
        // each server's REST client must not send the start again by itself when its answer is lost
        openHands.startAnswerIsLost("oh-key-alice", OpenHandsConversations.id("task-1"));

        // the issue the service account reads
        env.jira.stubFor(get(urlPathEqualTo("/rest/api/2/issue/ACME-1")).willReturn(okJson(Json.createObjectBuilder()
                .add("id", "10001").add("key", "ACME-1").add("self", env.jiraUrl() + "/rest/api/2/issue/10001")
                .add("fields", Json.createObjectBuilder().add("summary", "Login fails on empty password")
                        .add("description", "Repository: acme/web-app").add("labels", Json.createArrayBuilder()))
                .build().toString())));
        env.jira.stubFor(get(urlPathEqualTo("/rest/api/2/issue/ACME-1/comment")).willReturn(okJson(
                "{\"startAt\":0,\"maxResults\":16,\"total\":0,\"comments\":[]}")));

        var delivered = connection.deliver(JiraEvent.commentCreated().issue("10001", "ACME-1").comment("20001", "@openhands please fix this")
                .actor("alice", "JIRAUSER10001", "alice@example.com", "Alice").bytes(env.jiraUrl()));
        assertEquals(200, delivered.statusCode(), delivered.body());
        assertTrue(Http.json(delivered).getString("outcome").startsWith("trigger"), delivered.body());

        String comment = Eventually.await(() -> Optional.of(env.jira.findAll(postRequestedFor(urlEqualTo("/rest/api/2/issue/ACME-1/comment"))))
                .filter(found -> !found.isEmpty()).map(found -> found.get(0).getBodyAsString()), "the comment on ACME-1");
        assertEquals("[~alice] I'm on it in acme/web-app (named in the issue's description): [follow the conversation in"
                + " OpenHands|" + env.openHandsUrl() + "/conversations/" + conversation + "].",
                Json.createReader(new StringReader(comment)).readObject().getString("body"));
        assertEquals(1, env.openHands.findAll(postRequestedFor(urlEqualTo("/api/v1/app-conversations"))).size(),
                "one start, found again after its answer was lost");
    }
}
