package dev.openhands.jiradc.linking.boundary;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.*;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.openhands.jiradc.testing.Http;
import dev.openhands.jiradc.testing.MockServers;
import dev.openhands.jiradc.testing.TestEnvironment;
import dev.openhands.jiradc.testing.TestSettings;
import dev.openhands.jiradc.testing.browser.Browser;
import dev.openhands.jiradc.testing.identity.IdentityProvider;
import dev.openhands.jiradc.testing.jira.JiraScenario;
import dev.openhands.jiradc.testing.jira.JiraStubs;
import dev.openhands.jiradc.testing.openhands.OpenHandsUsers;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * jira-dc.linking-method=email: no OAuth; a person links their Jira user with Check, which finds the one Jira user with
 * the email their sign-in verified. Nothing is linked from a delivery, whose email is whatever its sender typed.
 */
@ExtendWith(ArquillianExtension.class)
class EmailLinkingIT {

    static final TestEnvironment ENV = TestEnvironment.start();
    static final WireMockServer JIRA = ENV.jira;
    static final WireMockServer OPENHANDS = ENV.openHands;
    static final TestSettings SETTINGS = ENV.settings;

    @ArquillianResource
    URL service;

    @Deployment(testable = false)
    static WebArchive deployment() {
        JiraScenario.jiraTakesComments(ENV);
        return ENV.deployment()
                .with("jira-dc.linking-method", "email")
                .without("jira-dc.oauth.client-id")
                .without("jira-dc.oauth.client-secret")
                .war();
    }

    @AfterAll
    static void stop() {
        ENV.stop();
    }

    Browser signIn(String email, String... groups) {
        return ENV.signIn(service, "sub-" + UUID.randomUUID(), email, List.of(groups));
    }

    String jiraUser(String email) {
        String name = "jira-" + UUID.randomUUID().toString().substring(0, 8);
        JIRA.stubFor(get(urlPathEqualTo("/rest/api/2/user")).withQueryParam("username", equalTo(name))
                .willReturn(
                        okJson(JiraStubs.user(MockServers.baseUrl(JIRA), name, "JIRAUSER" + Math.abs(name.hashCode()),
                                email, "Someone"))));
        return name;
    }

    String resolve(Browser admin, String jiraName) {
        HttpResponse<String> response = admin.get("/api/integrations/jira-dc/users/" + jiraName + "/resolution");
        assertEquals(200, response.statusCode(), response.body());
        return Http.json(response).getString("outcome");
    }

    @Test
    void theLinkStatusSaysEmailAndThereIsNothingToConnect() {
        String email = "em-" + UUID.randomUUID() + "@example.com";
        Browser person = signIn(email);
        assertEquals("email", Http.json(person.get("/api/integrations/jira-dc/link")).getString("linkingMethod"));
        HttpResponse<String> connect = person.getNoRedirect("/api/integrations/jira-dc/link/connect");
        assertEquals(409, connect.statusCode(), connect.body());
        assertTrue(Http.json(connect).getString("error").contains(email), "tells which Jira email to have");
    }

    @Test
    void aJiraUserIsTheAccountThatCheckedItsEmailIgnoringCase() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        Browser admin = signIn("admin-" + id + "@example.com", IdentityProvider.ADMIN_GROUP);
        signIn("Mixed.Case-" + id + "@Example.com");
        String apiKey = "oh-" + id;
        String email = "keyed-" + id + "@example.com";
        OpenHandsUsers.keyBelongsTo(OPENHANDS, apiKey, email);
        Browser keyed = signIn(email);
        assertEquals(200, keyed.putJson("/api/integrations/jira-dc/account/openhands-api-key",
                "{\"apiKey\":\"" + apiKey + "\"}").statusCode());
        String keyedJiraName = jiraUser(email);
        assertEquals("account-not-linked", resolve(admin, keyedJiraName), "the same email is not a link until Check");
        searchable(email, keyedJiraName);
        assertEquals(200, keyed.postJson("/api/integrations/jira-dc/link/check", "{}").statusCode());

        assertEquals("account-not-linked", resolve(admin, jiraUser("mixed.case-" + id + "@EXAMPLE.COM")));
        assertEquals("linked", resolve(admin, keyedJiraName));
        assertEquals("no-account", resolve(admin, jiraUser("nobody-" + id + "@example.com")));
    }

    /**
     * Mallory sets her Jira profile email to Alice's and asks for a job: before, the first match was stored as a link,
     * and every later job of Mallory's ran with Alice's OpenHands key and Git access, even after the email was changed
     * back.
     */
    @Test
    void aJiraUserWithAColleaguesEmailIsNeverLinkedToTheColleague() throws Exception {
        JiraScenario world = JiraScenario.on(ENV, service);
        String id = UUID.randomUUID().toString().substring(0, 8);
        String aliceEmail = "alice-" + id + "@example.com";
        signIn(aliceEmail);
        JiraScenario.Issue issue = world.issue("Repository: acme/web-app");
        world.deliver(
                issue.comment(JiraScenario.nextId(), "@openhands").actor("mallory-" + id, "JIRAUSER-M" + id, aliceEmail,
                        "Mallory"));
        assertEquals(
                "[~mallory-" + id + "] You have an OpenHands account, but you have not connected Jira Data Center to it"
                        + " yet. Connect it at [Settings > Integrations|" + ENV.openHandsUrl()
                        + "/settings/integrations], then try again.",
                world.commentOn(issue), "told to link, not taken for Alice");
        try (var db = ENV.database.connect();
                var links = db.prepareStatement("select count(*) from jira_link where jira_key = ?")) {
            links.setString(1, "JIRAUSER-M" + id);
            var rows = links.executeQuery();
            rows.next();
            assertEquals(0, rows.getInt(1), "nothing linked");
        }
    }

    void searchable(String email, String... names) {
        StringBuilder users = new StringBuilder("[");
        for (String name : names) {
            users.append(users.length() > 1 ? "," : "").append(JiraStubs.user(MockServers.baseUrl(JIRA), name,
                    "JIRAUSER" + Math.abs(name.hashCode()),
                    name.startsWith("other") ? "x" + email : email.toUpperCase(), name));
        }
        JIRA.stubFor(get(urlPathEqualTo("/rest/api/2/user/search")).withQueryParam("username", equalTo(email))
                .withHeader("Authorization", equalTo("Bearer " + SETTINGS.servicePat))
                .willReturn(okJson(users.append("]").toString())));
    }

    @Test
    void checkFindsTheJiraUserByEmailAndRecordsTheLink() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String email = "check-" + id + "@example.com";
        Browser person = signIn(email);
        // Jira's search is fuzzy: a user whose email only contains this one must not match
        searchable(email, "jira-check-" + id, "other-" + id);
        HttpResponse<String> check = person.postJson("/api/integrations/jira-dc/link/check", "{}");
        assertEquals(200, check.statusCode(), check.body());
        assertEquals("jira-check-" + id, Http.json(check).getString("jiraName"));
        var link = Http.json(person.get("/api/integrations/jira-dc/link"));
        assertTrue(link.getBoolean("linked"));
        assertEquals("email", link.getJsonObject("link").getString("method"));
        assertEquals("jira-check-" + id, link.getJsonObject("link").getString("jiraName"));
    }

    @Test
    void checkWithoutAJiraUserOfThatEmailSaysWhatToDo() {
        String email = "missing-" + UUID.randomUUID() + "@example.com";
        Browser person = signIn(email);
        searchable(email);
        HttpResponse<String> check = person.postJson("/api/integrations/jira-dc/link/check", "{}");
        assertEquals(409, check.statusCode(), check.body());
        assertTrue(Http.json(check).getString("error").contains("No Jira user has the email " + email));
        assertFalse(Http.json(person.get("/api/integrations/jira-dc/link")).getBoolean("linked"));
    }

    @Test
    void twoAccountsWithOneEmailMatchNeither() {
        String email = "shared-" + UUID.randomUUID() + "@example.com";
        Browser admin = signIn("admin-" + UUID.randomUUID() + "@example.com", IdentityProvider.ADMIN_GROUP);
        Browser first = signIn(email);
        signIn(email.toUpperCase());
        String jiraName = jiraUser(email);
        searchable(email, jiraName);
        HttpResponse<String> check = first.postJson("/api/integrations/jira-dc/link/check", "{}");
        assertEquals(409, check.statusCode(), check.body());
        assertTrue(Http.json(check).getString("error").contains("another OpenHands account has the same email"),
                check.body());
        assertEquals("account-not-linked", resolve(admin, jiraName), "linked to neither");
    }
}
