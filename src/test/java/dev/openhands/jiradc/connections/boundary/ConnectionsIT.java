package dev.openhands.jiradc.connections.boundary;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.*;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.openhands.jiradc.testing.Http;
import dev.openhands.jiradc.testing.MockServers;
import dev.openhands.jiradc.testing.TestDatabase;
import dev.openhands.jiradc.testing.TestEnvironment;
import dev.openhands.jiradc.testing.browser.Browser;
import dev.openhands.jiradc.testing.identity.IdentityProvider;
import dev.openhands.jiradc.testing.jira.JiraEvent;
import dev.openhands.jiradc.testing.jira.JiraStubs;
import dev.openhands.jiradc.testing.server.Leaks;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Webhook installation against WireMock playing Jira 10.x (and 9.x): automatic with a one-time admin PAT, or manual.
 */
@ExtendWith(ArquillianExtension.class)
class ConnectionsIT {

    static final String WEBHOOKS = JiraStubs.WEBHOOKS;
    static final TestEnvironment ENV = TestEnvironment.start();
    static final WireMockServer JIRA = ENV.jira;
    static final TestDatabase DATABASE = ENV.database;
    static final List<String> SECRETS_SEEN = new ArrayList<>();

    @ArquillianResource
    URL service;

    Browser admin;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ENV.deployment().with("jira-dc.webhook.secret-rotation-grace", "PT2H").war();
    }

    @AfterAll
    static void adminPatsAndSecretsAreNeverStoredOrLogged() {
        try {
            Leaks.assertNotStoredOrLogged(DATABASE, SECRETS_SEEN.toArray(String[]::new));
        } finally {
            ENV.stop();
        }
    }

    @BeforeEach
    void signInAsAdmin() {
        admin = ENV.signIn(service, "admin-" + UUID.randomUUID(), "admin@example.com",
                List.of(IdentityProvider.ADMIN_GROUP));
    }

    static String newPat() {
        String pat = "admin-pat-" + UUID.randomUUID();
        SECRETS_SEEN.add(pat);
        return pat;
    }

    static void jira10(String pat, String existingWebhooksJson) {
        JiraStubs.webhookApi(JIRA, pat, existingWebhooksJson);
    }

    static List<LoggedRequest> jiraCalls(com.github.tomakehurst.wiremock.matching.RequestPatternBuilder pattern,
            String pat) {
        return JIRA.findAll(pattern.withHeader("Authorization", equalTo("Bearer " + pat)));
    }

    static JsonObject body(LoggedRequest request) {
        return Json.createReader(new StringReader(request.getBodyAsString())).readObject();
    }

    HttpResponse<String> install(String pat) {
        return admin.postJson("/api/integrations/jira-dc/connections/automatic", "{\"adminPat\":\"" + pat + "\"}");
    }

    static void assertNoPat(HttpResponse<String> response, String pat) {
        assertFalse(response.body().contains(pat), "the admin PAT is echoed");
    }

    @Test
    void automaticSetupCreatesThenUpdatesInPlaceRotatesAndUninstalls() {
        String pat = newPat();
        jira10(pat, "[]");
        HttpResponse<String> installed = install(pat);
        assertEquals(200, installed.statusCode(), installed.body());
        assertNoPat(installed, pat);
        JsonObject connection = Http.json(installed);
        String id = connection.getString("id");
        assertEquals("active", connection.getString("status"));
        assertEquals("automatic", connection.getString("setup"));
        assertEquals("10", connection.getString("jiraWebhookId"));
        String eventsUrl = ENV.openHandsUrl() + "/integration/jira-dc/connections/" + id + "/events";
        assertEquals(eventsUrl, connection.getString("eventsUrl"));

        List<LoggedRequest> created = jiraCalls(postRequestedFor(urlEqualTo(WEBHOOKS)), pat);
        assertEquals(1, created.size());
        JsonObject webhook = body(created.get(0));
        assertEquals("OpenHands", webhook.getString("name"));
        assertEquals(eventsUrl, webhook.getString("url"));
        assertEquals(JiraEvent.SUBSCRIBED_EVENTS, webhook.getJsonArray("events").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList());
        assertTrue(webhook.getBoolean("active"));
        assertEquals("global", webhook.getString("scopeType"));
        String secret = webhook.getJsonObject("configuration").getString("SECRET");
        SECRETS_SEEN.add(secret);
        assertTrue(secret.length() >= 32);
        assertEquals("false", webhook.getJsonObject("configuration").getString("EXCLUDE_BODY"));
        assertFalse(webhook.containsKey("secret"), "Jira ignores a top-level secret");

        // running it again finds the webhook by its URL and updates it: never a second one
        String pat2 = newPat();
        jira10(pat2,
                "[{\"id\":10,\"name\":\"OpenHands\",\"url\":\"" + eventsUrl + "\",\"events\":[],\"active\":true}]");
        HttpResponse<String> again = install(pat2);
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(id, Http.json(again).getString("id"), "the same connection");
        assertTrue(jiraCalls(postRequestedFor(urlEqualTo(WEBHOOKS)), pat2).isEmpty(), "no second webhook");
        List<LoggedRequest> updated = jiraCalls(putRequestedFor(urlEqualTo(WEBHOOKS + "/10")), pat2);
        assertEquals(1, updated.size());
        assertEquals(secret, body(updated.get(0)).getJsonObject("configuration").getString("SECRET"),
                "re-installing keeps the secret");

        // rotation sends Jira the new secret; the old one stays valid for the configured grace
        String pat3 = newPat();
        jira10(pat3, "[{\"id\":10,\"name\":\"OpenHands\",\"url\":\"" + eventsUrl + "\"}]");
        HttpResponse<String> rotated = admin.postJson("/api/integrations/jira-dc/connections/" + id + "/rotate-secret",
                "{\"adminPat\":\"" + pat3 + "\"}");
        assertEquals(200, rotated.statusCode(), rotated.body());
        assertNoPat(rotated, pat3);
        List<LoggedRequest> rotation = jiraCalls(putRequestedFor(urlEqualTo(WEBHOOKS + "/10")), pat3);
        assertEquals(1, rotation.size());
        String newSecret = body(rotation.get(0)).getJsonObject("configuration").getString("SECRET");
        SECRETS_SEEN.add(newSecret);
        assertNotEquals(secret, newSecret);
        Instant graceUntil = Instant.parse(Http.json(rotated).getString("previousSecretValidUntil"));
        assertTrue(Duration.between(Instant.now(), graceUntil).toMinutes() > 110, "grace is the configured two hours");

        // uninstall deletes the Jira webhook; the connection becomes inactive
        String pat4 = newPat();
        jira10(pat4, "[{\"id\":10,\"name\":\"OpenHands\",\"url\":\"" + eventsUrl + "\"}]");
        HttpResponse<String> uninstalled = admin.postJson("/api/integrations/jira-dc/connections/" + id + "/uninstall",
                "{\"adminPat\":\"" + pat4 + "\"}");
        assertEquals(200, uninstalled.statusCode(), uninstalled.body());
        assertEquals("inactive", Http.json(uninstalled).getString("status"));
        assertEquals(1, jiraCalls(deleteRequestedFor(urlEqualTo(WEBHOOKS + "/10")), pat4).size());
    }

    @Test
    void anotherWebhookNamedOpenHandsIsNeverTakenOver() {
        String pat = newPat();
        jira10(pat,
                "[{\"id\":7,\"name\":\"OpenHands\",\"url\":\"https://attacker.example.com/collect\",\"active\":true}]");
        HttpResponse<String> installed = install(pat);
        assertEquals(200, installed.statusCode(), installed.body());
        assertTrue(jiraCalls(putRequestedFor(urlPathMatching(WEBHOOKS + "/.*")), pat).isEmpty(),
                "the other webhook is not updated");
        List<LoggedRequest> created = jiraCalls(postRequestedFor(urlEqualTo(WEBHOOKS)), pat);
        assertEquals(1, created.size(), "ours is created beside it");
        JsonObject connection = Http.json(installed);
        String name = "OpenHands (" + connection.getString("id") + ")";
        assertEquals(name, body(created.get(0)).getString("name"));
        SECRETS_SEEN.add(body(created.get(0)).getJsonObject("configuration").getString("SECRET"));
        assertEquals(name, connection.getString("jiraWebhookName"));
        assertTrue(connection.getString("notice").contains("Another Jira webhook is already named 'OpenHands'"),
                connection.toString());
    }

    @Test
    void jira9IsRefusedWithWhatToDo() {
        String pat = newPat();
        JIRA.stubFor(get(WEBHOOKS).withHeader("Authorization", equalTo("Bearer " + pat)).willReturn(notFound()));
        JIRA.stubFor(get("/rest/webhooks/1.0/webhook").withHeader("Authorization", equalTo("Bearer " + pat))
                .willReturn(okJson("[]")));
        HttpResponse<String> refused = install(pat);
        assertEquals(409, refused.statusCode(), refused.body());
        String message = Http.json(refused).getString("error");
        assertTrue(message.contains("Jira 9.x") && message.contains("cannot sign") && message.contains("10.3 LTS"),
                message);
        assertTrue(jiraCalls(postRequestedFor(urlEqualTo(WEBHOOKS)), pat).isEmpty());
        assertNoPat(refused, pat);
    }

    @Test
    void aPatJiraDoesNotAcceptSaysSo() {
        String pat = newPat();
        JIRA.stubFor(get(WEBHOOKS).withHeader("Authorization", equalTo("Bearer " + pat)).willReturn(unauthorized()
                .withHeader("X-Seraph-LoginReason", "AUTHENTICATED_FAILED")));
        HttpResponse<String> refused = install(pat);
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(Http.json(refused).getString("error").contains("wrong, expired or revoked"));
        assertNoPat(refused, pat);
    }

    @Test
    void aPatOfAUserWhoMayNotCreateGlobalWebhooksSaysSo() {
        String pat = newPat();
        JIRA.stubFor(get(WEBHOOKS).withHeader("Authorization", equalTo("Bearer " + pat)).willReturn(forbidden()));
        HttpResponse<String> refused = install(pat);
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(Http.json(refused).getString("error").contains("may not manage global webhooks"));
    }

    @Test
    void jiraErrorBodiesAreShownInWords() {
        String pat = newPat();
        jira10(pat, "[]");
        JIRA.stubFor(post(WEBHOOKS).withHeader("Authorization", equalTo("Bearer " + pat)).willReturn(aResponse()
                .withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody(
                        "{\"errorMessages\":[\"Webhook URL must be reachable\"],\"errors\":{\"url\":\"Invalid"
                                + " URL\"}}")));
        HttpResponse<String> refused = install(pat);
        assertEquals(400, refused.statusCode(), refused.body());
        String message = Http.json(refused).getString("error");
        assertTrue(message.contains("Webhook URL must be reachable") && message.contains("url: Invalid URL"), message);
    }

    @Test
    void jiraUnreachableSaysSo() {
        String pat = newPat();
        JIRA.stubFor(get(WEBHOOKS).withHeader("Authorization", equalTo("Bearer " + pat))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        HttpResponse<String> failed = install(pat);
        assertEquals(502, failed.statusCode(), failed.body());
        assertTrue(Http.json(failed).getString("error").contains(MockServers.baseUrl(JIRA)));
    }

    @Test
    void installWithoutAPatAsksForOne() {
        HttpResponse<String> refused = admin.postJson("/api/integrations/jira-dc/connections/automatic", "{}");
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(Http.json(refused).getString("error").contains("adminPat"));
    }

    @Test
    void manualSetupGeneratesShowsActivatesAndRotatesWithGrace() {
        HttpResponse<String> generated = admin.postJson("/api/integrations/jira-dc/connections/manual", "{}");
        assertEquals(201, generated.statusCode(), generated.body());
        JsonObject details = Http.json(generated);
        String id = details.getString("id");
        String secret = details.getString("secret");
        SECRETS_SEEN.add(secret);
        assertEquals("inactive", details.getString("status"));
        assertEquals("manual", details.getString("setup"));
        assertTrue(details.getString("eventsUrl").endsWith("/integration/jira-dc/connections/" + id + "/events"));
        assertEquals(JiraEvent.SUBSCRIBED_EVENTS, details.getJsonArray("events").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList());

        JsonObject shownAgain = Http.json(admin.get("/api/integrations/jira-dc/connections/" + id + "/manual-details"));
        assertEquals(secret, shownAgain.getString("secret"));

        HttpResponse<String> activated = admin.postJson("/api/integrations/jira-dc/connections/" + id + "/activate",
                "{}");
        assertEquals("active", Http.json(activated).getString("status"));

        HttpResponse<String> rotated = admin.postJson("/api/integrations/jira-dc/connections/" + id + "/rotate-secret",
                "{}");
        assertEquals(200, rotated.statusCode(), rotated.body());
        String newSecret = Http.json(rotated).getString("secret");
        SECRETS_SEEN.add(newSecret);
        assertNotEquals(secret, newSecret);
        assertTrue(Http.json(rotated).containsKey("previousSecretValidUntil"));

        HttpResponse<String> list = admin.get("/api/integrations/jira-dc/connections");
        assertEquals(200, list.statusCode());
        assertTrue(list.body().contains(id));
        assertFalse(list.body().contains(newSecret), "the list never shows secrets");
    }

    @Test
    void connectionsAreForAdminsOnly() {
        Browser developer = ENV.signIn(service, "dev-" + UUID.randomUUID(), "dev@example.com", List.of("developers"));
        assertEquals(403, developer.get("/api/integrations/jira-dc/connections").statusCode());
        assertEquals(403, developer.postJson("/api/integrations/jira-dc/connections/manual", "{}").statusCode());
    }
}
