package dev.openhands.jiradc.accounts.boundary;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.*;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.openhands.jiradc.testing.browser.Browser;
import dev.openhands.jiradc.testing.Http;
import dev.openhands.jiradc.testing.identity.IdentityProvider;
import dev.openhands.jiradc.testing.openhands.OpenHandsUsers;
import dev.openhands.jiradc.testing.TestEnvironment;
import dev.openhands.jiradc.testing.ServiceUrls;
import dev.openhands.jiradc.testing.TestDatabase;
import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    /**
     * An email nobody verified would let anyone who can type a colleague's address at the identity provider become that
     * colleague here: only {@code email_verified: true} (or {@code "true"}) signs in, and nothing is put in the session
     * before that is known.
     */
    @ParameterizedTest(name = "email_verified: {0}")
    @ValueSource(strings = {"false", "\"false\"", "absent", "\"yes\""})
    void aSignInWhoseEmailIsNotVerifiedIsRefusedAndLeavesNoSession(String verified) {
        String id = unique();
        Object claim = switch (verified) {
            case "false" -> false;
            case "absent" -> "";
            default -> verified.replace("\"", "");
        };
        ENV.idp.nextSignIn("sub-" + id, "victim-" + id + "@example.com", "Not the victim", List.of(IdentityProvider.ADMIN_GROUP),
                Map.of("email_verified", claim));
        Browser impostor = new Browser(path -> ServiceUrls.local(service, path));
        var landing = impostor.signIn();
        assertEquals("/settings/integrations", landing.uri().getPath());
        assertEquals("sign-in=unverified", landing.uri().getQuery());
        assertEquals(401, impostor.get("/api/integrations/jira-dc/account").statusCode(), "nothing was put in the session");
    }

    @Test
    void anEmailVerifiedClaimWrittenAsTheStringTrueSignsIn() {
        String id = unique();
        ENV.idp.nextSignIn("sub-" + id, "gina-" + id + "@example.com", "Gina", List.of(), Map.of("email_verified", "true"));
        Browser gina = new Browser(path -> ServiceUrls.local(service, path));
        assertEquals("/settings/integrations", gina.signIn().uri().getPath());
        assertEquals(200, gina.get("/api/integrations/jira-dc/account").statusCode());
    }

    /** A page elsewhere makes a signed-in person's browser call here with their session cookie: every such call is refused. */
    @Test
    void crossSiteRequestsCarryingThePersonsCookieAreRefused() {
        Browser victim = signedIn("sub-" + unique(), "victim-" + unique() + "@example.com", List.of());
        String self = "http://localhost:" + service.getPort();
        assertEquals(403, victim.send("PUT", "/api/integrations/jira-dc/account/openhands-api-key",
                Map.of("Content-Type", "text/plain"), "{\"apiKey\":\"attacker-key\"}").statusCode(), "a form posted from elsewhere");
        assertEquals(403, victim.send("DELETE", "/api/integrations/jira-dc/link",
                Map.of("X-Requested-With", "fetch", "Origin", "https://evil.example.com"), "").statusCode(), "another origin");
        assertEquals(403, victim.send("POST", "/sign-in/out",
                Map.of("X-Requested-With", "fetch", "Sec-Fetch-Site", "cross-site"), "").statusCode(), "another site");
        assertEquals(403, victim.send("POST", "/sign-in/out", Map.of(), "").statusCode(), "no sign of the page's own script");
        assertEquals(200, victim.get("/api/integrations/jira-dc/account").statusCode(), "still signed in");

        assertEquals(204, victim.send("POST", "/sign-in/out",
                Map.of("X-Requested-With", "fetch", "Origin", self, "Sec-Fetch-Site", "same-origin"), "").statusCode(),
                "the settings page's own call");
        assertEquals(401, victim.get("/api/integrations/jira-dc/account").statusCode(), "signed out");
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
     * {@code SaasUserInfo}): such a key is taken only from the person whose sign-in named that OpenHands user
     * ({@code openhands.user-id-claim}, {@code sub} by default), never from someone else who pastes it.
     */
    @Test
    void keyOfAnOpenHandsUserWithoutAnEmailIsTakenOnlyFromThatUser() {
        String key = "oh-key-" + UUID.randomUUID();
        OpenHandsUsers.keyBelongsTo(OPENHANDS, key, null);
        Browser mallory = signedIn("sub-" + unique(), "mallory-" + unique() + "@example.com", List.of());
        var refused = mallory.putJson("/api/integrations/jira-dc/account/openhands-api-key", "{\"apiKey\":\"" + key + "\"}");
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(Http.json(refused).getString("error").contains("OpenHands does not say that this API key is yours"), refused.body());

        Browser fred = signedIn(OpenHandsUsers.idOf(key), "fred-" + unique() + "@example.com", List.of());
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
