package dev.openhands.jiradc.accounts.boundary;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.*;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.openhands.jiradc.testing.Browser;
import dev.openhands.jiradc.testing.Http;
import dev.openhands.jiradc.testing.IdentityProvider;
import dev.openhands.jiradc.testing.OpenHandsUsers;
import dev.openhands.jiradc.testing.TestEnvironment;
import dev.openhands.jiradc.testing.ServiceUrls;
import dev.openhands.jiradc.testing.TestDatabase;
import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Sign-in through a real OpenID provider creates the account; the OpenHands API key is checked, sealed, never shown. */
@ExtendWith(ArquillianExtension.class)
class AccountsIT {

    static final TestEnvironment ENV = TestEnvironment.start();
    static final WireMockServer OPENHANDS = ENV.openHands;
    static final TestDatabase DATABASE = ENV.database;

    @ArquillianResource
    URL service;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ENV.deployment().war();
    }

    @AfterAll
    static void stop() {
        ENV.stop();
    }

    Browser signedIn(String subject, String email, List<String> groups) {
        return ENV.signIn(service, subject, email, groups);
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void anonymousCallsToTheApiAnswer401() {
        var response = Http.get(ServiceUrls.local(service, "/api/integrations/jira-dc/account"));
        assertEquals(401, response.statusCode(), response.body());
        assertTrue(Http.json(response).getString("error").contains("Sign in"));
    }

    @Test
    void firstSignInCreatesTheAccount() throws Exception {
        String id = unique();
        Browser alice = signedIn("sub-" + id, "Alice." + id + "@Example.com", List.of("developers"));
        var response = alice.get("/api/integrations/jira-dc/account");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject account = Http.json(response);
        assertEquals("Alice." + id + "@Example.com", account.getString("email"));
        assertEquals("Person sub-" + id, account.getString("displayName"));
        assertFalse(account.getBoolean("admin"));
        assertEquals("not set", account.getString("openHandsApiKey"));
        try (Connection db = DATABASE.connect();
             ResultSet rs = db.createStatement().executeQuery("select email_lower from account where subject = 'sub-" + id + "'")) {
            assertTrue(rs.next());
            assertEquals("alice." + id + "@example.com", rs.getString(1));
        }
    }

    @Test
    void theAdminGroupMakesAnAdmin() {
        Browser admin = signedIn("sub-" + unique(), "admin-" + unique() + "@example.com", List.of(IdentityProvider.ADMIN_GROUP));
        assertTrue(Http.json(admin.get("/api/integrations/jira-dc/account")).getBoolean("admin"));
    }

    @Test
    void apiKeyIsCheckedWithOpenHandsSealedAndNeverShown() throws Exception {
        String id = unique();
        String email = "carol." + id + "@example.com";
        String goodKey = "oh-key-" + UUID.randomUUID();
        OpenHandsUsers.keyBelongsTo(OPENHANDS, goodKey, email);
        OpenHandsUsers.keyRefused(OPENHANDS, "wrong-key");
        Browser carol = signedIn("sub-" + id, email, List.of());

        var refused = carol.putJson("/api/integrations/jira-dc/account/openhands-api-key", "{\"apiKey\":\"wrong-key\"}");
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(Http.json(refused).getString("error").contains("Settings > API Keys"));
        assertEquals("not set", Http.json(carol.get("/api/integrations/jira-dc/account")).getString("openHandsApiKey"));

        var saved = carol.putJson("/api/integrations/jira-dc/account/openhands-api-key", "{\"apiKey\":\"" + goodKey + "\"}");
        assertEquals(200, saved.statusCode(), saved.body());
        var account = carol.get("/api/integrations/jira-dc/account");
        assertEquals("set", Http.json(account).getString("openHandsApiKey"));
        assertFalse(account.body().contains(goodKey));
        try (Connection db = DATABASE.connect();
             ResultSet rs = db.createStatement().executeQuery(
                     "select openhands_api_key_sealed from account where subject = 'sub-" + id + "'")) {
            assertTrue(rs.next());
            assertTrue(rs.getString(1).startsWith("v1:"));
            assertFalse(rs.getString(1).contains(goodKey));
        }

        var removed = carol.delete("/api/integrations/jira-dc/account/openhands-api-key");
        assertEquals(200, removed.statusCode(), removed.body());
        assertEquals("not set", Http.json(carol.get("/api/integrations/jira-dc/account")).getString("openHandsApiKey"));
    }

    @Test
    void keyOfAnotherOpenHandsUserIsRefused() {
        String key = "oh-key-" + UUID.randomUUID();
        OpenHandsUsers.keyBelongsTo(OPENHANDS, key, "someone.else@example.com");
        Browser dave = signedIn("sub-" + unique(), "dave-" + unique() + "@example.com", List.of());
        var refused = dave.putJson("/api/integrations/jira-dc/account/openhands-api-key", "{\"apiKey\":\"" + key + "\"}");
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(Http.json(refused).getString("error").contains("belongs to another OpenHands user"));
    }

    /**
     * OpenHands users who signed up through a Git provider may have no email ({@code "email": null} in
     * {@code SaasUserInfo}): the service copes, and takes the key without the check that it belongs to this account.
     */
    @Test
    void keyOfAnOpenHandsUserWithoutAnEmailIsTakenWithoutTheOwnerCheck() {
        String key = "oh-key-" + UUID.randomUUID();
        OpenHandsUsers.keyBelongsTo(OPENHANDS, key, null);
        Browser fred = signedIn("sub-" + unique(), "fred-" + unique() + "@example.com", List.of());
        var saved = fred.putJson("/api/integrations/jira-dc/account/openhands-api-key", "{\"apiKey\":\"" + key + "\"}");
        assertEquals(200, saved.statusCode(), saved.body());
        assertEquals("set", Http.json(fred.get("/api/integrations/jira-dc/account")).getString("openHandsApiKey"));
    }

    @Test
    void emptyKeyIsABadRequestWithAMessage() {
        Browser erin = signedIn("sub-" + unique(), "erin-" + unique() + "@example.com", List.of());
        var refused = erin.putJson("/api/integrations/jira-dc/account/openhands-api-key", "{}");
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(Http.json(refused).getString("error").contains("apiKey"));
    }
}
