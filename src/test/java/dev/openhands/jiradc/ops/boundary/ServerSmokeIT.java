package dev.openhands.jiradc.ops.boundary;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.*;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.openhands.jiradc.testing.ActiveConnection;
import dev.openhands.jiradc.testing.Eventually;
import dev.openhands.jiradc.testing.Http;
import dev.openhands.jiradc.testing.ServiceUrls;
import dev.openhands.jiradc.testing.TestEnvironment;
import dev.openhands.jiradc.testing.browser.Browser;
import dev.openhands.jiradc.testing.identity.IdentityProvider;
import dev.openhands.jiradc.testing.identity.SessionCookies;
import dev.openhands.jiradc.testing.jira.JiraEvent;
import dev.openhands.jiradc.testing.jira.JiraOAuthDance;
import dev.openhands.jiradc.testing.jira.JiraScenario;
import dev.openhands.jiradc.testing.jira.JiraStubs;
import dev.openhands.jiradc.testing.openhands.OpenHandsConversations;
import dev.openhands.jiradc.testing.openhands.OpenHandsUsers;
import dev.openhands.jiradc.testing.server.AppServer;
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
 * environment variables, taken through the product's whole path: it becomes ready; an admin installs the
 * webhook with a one-time admin PAT; a person links Jira by OAuth (a token about to expire, refreshed on its
 * first use) and saves an OpenHands API key; a delivery signed with the installed secret asking
 * {@code @openhands} ends in the "I'm on it" comment, and the job, followed to its end, in the summary with the
 * pull request; the troubleshooting checks show nothing wrong. Jira and OpenHands are played by WireMock, sign-in
 * by a real OpenID provider. Payara Micro in every build; Open Liberty and WildFly with {@code -Pliberty,wildfly}.
 */
class ServerSmokeIT {

    static List<AppServer.Kind> servers() {
        return AppServer.available();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void readyInstalledLinkedAndAJobStartedFollowedAndReported(AppServer.Kind kind) {
        TestEnvironment env = TestEnvironment.start();
        JiraScenario.jiraTakesComments(env);
        Map<String, String> config = new LinkedHashMap<>(env.database.config());
        config.putAll(env.settings.values());
        config.put("jira-dc.processing.first-retry", "PT0.5S");
        config.put("jira-dc.jobs.poll-interval", "PT0.5S");
        config.put("jira-dc.jobs.max-poll-interval", "PT1S");
        try (AppServer server = AppServer.start(kind, config)) {
            JsonObject ready = Json.createReader(new StringReader(server.awaitReady(Duration.ofMinutes(5))))
                    .readObject();
            assertEquals("UP", ready.getString("status"), ready.toString());
            Map<String, String> checks = ready.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                    .collect(Collectors.toMap(check -> check.getString("name"), check -> check.getString("status")));
            for (String check : List.of("database", "settings", "secrets", "jira-service-account")) {
                assertEquals("UP", checks.get(check), check + " in " + ready);
            }
            aJobFromInstallToReport(env, server.url());
        } finally {
            env.stop();
        }
    }

    /**
     * The sign-in's cookies as this server sends them: no script reads them, no other site's form sends them; and the
     * server keeps no session of its own, which would tie a person to this instance.
     */
    private static void signInCookiesAreHttpOnlyAndSameSiteLax(TestEnvironment env, URL service) {
        var cookies = SessionCookies.signIn(env, service, "cookie-check", "cookie-check@example.com");
        for (String cookie : List.of(cookies.pendingSignIn(), cookies.session())) {
            assertTrue(cookie.contains("; httponly"), cookie);
            assertTrue(cookie.contains("; samesite=lax"), cookie);
        }
        assertTrue(cookies.all().stream().noneMatch(cookie -> cookie.startsWith("jsessionid")),
                cookies.all().toString());
    }

    private static void aJobFromInstallToReport(TestEnvironment env, URL service) {
        signInCookiesAreHttpOnlyAndSameSiteLax(env, service);
        Browser admin = env.signIn(service, "admin", "admin@example.com", List.of(IdentityProvider.ADMIN_GROUP));
        ActiveConnection connection = installedWithAnAdminPat(env, service, admin);

        // alice: an OpenHands account linked to her Jira user, with an API key that reaches acme/web-app
        Browser alice = env.signIn(service, "alice", "alice@example.com", List.of());
        String aliceJira = JiraStubs.user(env.jiraUrl(), "alice", "JIRAUSER10001", "alice@example.com", "Alice");
        assertEquals("connected",
                JiraOAuthDance.connect(env, alice, aliceJira, "code-alice", "at-alice", "rt-alice", 30));
        tokenAboutToExpireIsRefreshedOnItsFirstUse(env, alice, aliceJira);
        keyOpenHandsRefusesIsRefusedInItsWords(env, alice);
        OpenHandsUsers.keyBelongsTo(env.openHands, "oh-key-alice", "alice@example.com");
        assertEquals(200,
                alice.putJson("/api/integrations/jira-dc/account/openhands-api-key", "{\"apiKey\":\"oh-key-alice\"}")
                        .statusCode());
        env.openHands.stubFor(
                get("/api/v1/users/git-organizations").willReturn(okJson(JiraScenario.gitOrganizations("github"))));
        env.openHands.stubFor(
                get(urlPathEqualTo("/api/v1/git/repositories/search")).withQueryParam("provider", equalTo("github"))
                        .withQueryParam("query", equalTo("acme/web-app"))
                        .willReturn(okJson(JiraScenario.repositoryPage("github", "acme/web-app"))));
        String conversation = OpenHandsConversations.id("conv-1");
        OpenHandsConversations openHands = new OpenHandsConversations(env.openHands, "acme/web-app");
        openHands.startTaskIs("oh-key-alice", OpenHandsConversations.id("task-1"), "READY", conversation, null);
        // each server's REST client must not send the start again by itself when its answer is lost
        openHands.startAnswerIsLost("oh-key-alice", OpenHandsConversations.id("task-1"));
        // the agent's closing words are there before the conversation says it finished, as in OpenHands
        openHands.eventsAre("oh-key-alice", conversation,
                OpenHandsConversations.finish("e1", "Fixed the empty password check."));
        openHands.conversationIs("oh-key-alice", conversation, "finished", "RUNNING", 7);

        // the issue the service account reads
        env.jira.stubFor(get(urlPathEqualTo("/rest/api/2/issue/ACME-1")).willReturn(okJson(Json.createObjectBuilder()
                .add("id", "10001").add("key", "ACME-1").add("self", env.jiraUrl() + "/rest/api/2/issue/10001")
                .add("fields", Json.createObjectBuilder().add("summary", "Login fails on empty password")
                        .add("description", "Repository: acme/web-app").add("labels", Json.createArrayBuilder()))
                .build().toString())));
        env.jira.stubFor(get(urlPathEqualTo("/rest/api/2/issue/ACME-1/comment")).willReturn(okJson(
                "{\"startAt\":0,\"maxResults\":16,\"total\":0,\"comments\":[]}")));

        var delivered = connection.deliver(
                JiraEvent.commentCreated().issue("10001", "ACME-1").comment("20001", "@openhands please fix this")
                        .actor("alice", "JIRAUSER10001", "alice@example.com", "Alice").bytes(env.jiraUrl()));
        assertEquals(200, delivered.statusCode(), delivered.body());
        assertTrue(Http.json(delivered).getString("outcome").startsWith("trigger"), delivered.body());

        List<String> comments = Eventually.await(() -> Optional.of(env.jira.findAll(postRequestedFor(
                urlEqualTo("/rest/api/2/issue/ACME-1/comment")))).filter(found -> found.size() >= 2)
                .map(found -> found.stream().map(request -> Http.json(request.getBodyAsString()).getString("body"))
                        .toList()),
                "the start and the end said on ACME-1");
        assertEquals(
                "[~alice] I'm on it in acme/web-app (named in the issue's description): [follow the conversation in"
                        + " OpenHands|" + env.openHandsUrl() + "/conversations/" + conversation + "].",
                comments.get(0));
        assertTrue(comments.get(1).startsWith("[~alice] OpenHands finished working in acme/web-app: [pull request #7|"
                + "https://github.com/acme/web-app/pull/7].\n\nFixed the empty password check."), comments.get(1));
        assertEquals(1, env.openHands.findAll(postRequestedFor(urlEqualTo("/api/v1/app-conversations"))).size(),
                "one start, found again after its answer was lost");
        troubleshootingShowsNothingWrong(admin);
        metricsCountWhatHappened(service);
    }

    /**
     * The admin's PAT installs the webhook through Jira's webhook API; Jira signs with the secret it was given. First a
     * PAT Jira refuses: the server's REST client hands Jira's 401 to the service's exception mapper, whose refusal is
     * said in words the admin can act on.
     */
    private static ActiveConnection installedWithAnAdminPat(TestEnvironment env, URL service, Browser admin) {
        env.jira.stubFor(get(JiraStubs.WEBHOOKS).withHeader("Authorization", equalTo("Bearer admin-pat-revoked"))
                .willReturn(unauthorized().withHeader("X-Seraph-LoginReason", "AUTHENTICATED_FAILED")));
        var refused = admin.postJson("/api/integrations/jira-dc/connections/automatic",
                "{\"adminPat\":\"admin-pat-revoked\"}");
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("wrong, expired or revoked"), refused.body());

        String pat = "admin-pat-smoke";
        JiraStubs.webhookApi(env.jira, pat, "[]");
        var installed = admin.postJson("/api/integrations/jira-dc/connections/automatic",
                "{\"adminPat\":\"" + pat + "\"}");
        assertEquals(200, installed.statusCode(), installed.body());
        assertFalse(installed.body().contains(pat), "the admin PAT is echoed");
        JsonObject connection = Http.json(installed);
        assertEquals("active", connection.getString("status"), installed.body());
        List<LoggedRequest> created = env.jira.findAll(postRequestedFor(urlEqualTo(JiraStubs.WEBHOOKS)));
        assertEquals(1, created.size(), "one webhook made in Jira");
        JsonObject webhook = Http.json(created.get(0).getBodyAsString());
        assertEquals(connection.getString("eventsUrl"), webhook.getString("url"));
        return new ActiveConnection(service, connection.getString("id"),
                webhook.getJsonObject("configuration").getString("SECRET"));
    }

    /** OpenHands answers 401 for the key: the server's REST client hands it to the service's exception mapper. */
    private static void keyOpenHandsRefusesIsRefusedInItsWords(TestEnvironment env, Browser alice) {
        OpenHandsUsers.keyRefused(env.openHands, "oh-key-revoked");
        var refused = alice.putJson("/api/integrations/jira-dc/account/openhands-api-key",
                "{\"apiKey\":\"oh-key-revoked\"}");
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("OpenHands did not accept this API key"), refused.body());
    }

    /** A token Jira gave for 30 s is inside the refresh margin: the first call as alice refreshes it, once. */
    private static void tokenAboutToExpireIsRefreshedOnItsFirstUse(TestEnvironment env, Browser alice,
            String aliceJira) {
        env.jira.stubFor(post("/rest/oauth2/latest/token").withFormParam("grant_type", equalTo("refresh_token"))
                .withFormParam("refresh_token", equalTo("rt-alice"))
                .willReturn(JiraStubs.tokens("at2-alice", "rt2-alice", 3600)));
        JiraStubs.myself(env.jira, "at2-alice", aliceJira);
        var checked = alice.postJson("/api/integrations/jira-dc/link/check", "{}");
        assertEquals(200, checked.statusCode(), checked.body());
        assertEquals("alice", Http.json(checked).getString("jiraName"), checked.body());
        assertEquals(1, env.jira.findAll(postRequestedFor(urlEqualTo("/rest/oauth2/latest/token"))
                .withRequestBody(containing("grant_type=refresh_token"))).size(), "one refresh");
        assertEquals(1, env.jira.findAll(getRequestedFor(urlEqualTo("/rest/api/2/myself"))
                .withHeader("Authorization", equalTo("Bearer at2-alice"))).size(), "the check used the new token");
    }

    /** After a webhook installed, a delivery verified and a job reported, no check is red. */
    private static void troubleshootingShowsNothingWrong(Browser admin) {
        var diagnostics = admin.get("/api/integrations/jira-dc/diagnostics");
        assertEquals(200, diagnostics.statusCode(), diagnostics.body());
        List<JsonObject> checks = Http.json(diagnostics).getJsonArray("checks").getValuesAs(JsonObject.class);
        assertFalse(checks.isEmpty(), diagnostics.body());
        for (JsonObject check : checks) {
            assertNotEquals("problem", check.getString("status"), check.toString());
        }
    }

    /**
     * What Prometheus scrapes from this server (loopback is the default management network): the delivery, the calls,
     * the job.
     */
    private static void metricsCountWhatHappened(URL service) {
        String text = Eventually.await(() -> {
            var scraped = Http.get(ServiceUrls.local(service, "/ops/metrics"));
            assertEquals(200, scraped.statusCode(), scraped.body());
            // each server writes the parameters in its own order and spacing
            String type = scraped.headers().firstValue("Content-Type").orElse("").replace(" ", "");
            assertTrue(type.startsWith("text/plain;") && type.contains(";version=0.0.4"), type);
            return Optional.of(scraped.body())
                    .filter(body -> body.contains("openhands_jira_jobs{status=\"FINISHED\"} 1.0\n"));
        }, "the finished job in the metrics", Duration.ofSeconds(30));
        assertTrue(text.contains("openhands_jira_deliveries_total{outcome=\"trigger\"} 1.0\n"), text);
        assertTrue(text.matches("(?s).*\nopenhands_jira_outbound_call_seconds_count\\{service=\"jira\"} [1-9].*"),
                text);
        assertTrue(text.matches(
                "(?s).*\nopenhands_jira_outbound_call_seconds_bucket\\{service=\"openhands\",le=\"\\+Inf\"} [1-9].*"),
                text);
    }
}
