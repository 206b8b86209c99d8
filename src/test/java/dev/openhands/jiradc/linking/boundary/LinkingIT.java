package dev.openhands.jiradc.linking.boundary;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.*;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.openhands.jiradc.testing.Http;
import dev.openhands.jiradc.testing.MockServers;
import dev.openhands.jiradc.testing.ServiceUrls;
import dev.openhands.jiradc.testing.TestDatabase;
import dev.openhands.jiradc.testing.TestEnvironment;
import dev.openhands.jiradc.testing.TestSettings;
import dev.openhands.jiradc.testing.browser.Browser;
import dev.openhands.jiradc.testing.identity.IdentityProvider;
import dev.openhands.jiradc.testing.jira.JiraStubs;
import dev.openhands.jiradc.testing.openhands.OpenHandsUsers;
import dev.openhands.jiradc.testing.server.Leaks;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Connecting a Jira account through Jira's OAuth 2.0 (played by WireMock) and the real callback:
 * PKCE, form encoding, single-use expiring state, every failure ending on the settings page with
 * a message, serialised token refresh, disconnect, and who a Jira user resolves to.
 */
@ExtendWith(ArquillianExtension.class)
class LinkingIT {

    static final TestEnvironment ENV = TestEnvironment.start();
    static final IdentityProvider IDP = ENV.idp;
    static final WireMockServer JIRA = ENV.jira;
    static final WireMockServer OPENHANDS = ENV.openHands;
    static final TestDatabase DATABASE = ENV.database;
    static final TestSettings SETTINGS = ENV.settings;
    static final String CALLBACK = ENV.openHandsUrl() + "/integration/jira-dc/callback";
    static final List<String> SECRETS_SEEN = new ArrayList<>();

    @ArquillianResource
    URL service;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ENV.deployment().war();
    }

    @AfterAll
    static void noTokenInPlainText() {
        try {
            Leaks.assertNotStoredOrLogged(DATABASE, SECRETS_SEEN.toArray(String[]::new));
            Leaks.assertNotStoredOrLogged(DATABASE, SETTINGS.secretValues());
        } finally {
            ENV.stop();
        }
    }

    /** A person: signed in here, with a Jira account of their own. */
    class Person {
        final String id = UUID.randomUUID().toString().substring(0, 8);
        final String email = "p-" + id + "@example.com";
        final String jiraName = "jira-" + id;
        final String jiraKey = "JIRAUSER" + Math.abs(id.hashCode());
        final Browser browser = new Browser(path -> ServiceUrls.local(service, path));

        Person signIn(String... groups) {
            IDP.nextSignIn("sub-" + id, email, "Person " + id, List.of(groups));
            browser.signIn();
            return this;
        }

        String userJson() {
            return JiraStubs.user(MockServers.baseUrl(JIRA), jiraName, jiraKey, email, "Person " + id);
        }

        /** "Connect": the redirect to Jira's authorize page, as query parameters. */
        Map<String, String> connect() {
            HttpResponse<String> redirect = browser.getNoRedirect("/api/integrations/jira-dc/link/connect");
            assertEquals(303, redirect.statusCode(), redirect.body());
            URI authorize = URI.create(redirect.headers().firstValue("Location").orElseThrow());
            assertEquals(MockServers.baseUrl(JIRA) + "/rest/oauth2/latest/authorize",
                    authorize.getScheme() + "://" + authorize.getAuthority() + authorize.getPath());
            return query(authorize);
        }

        /** Jira sends the browser back to the callback; returns the outcome code the settings page gets. */
        String callback(String query) {
            HttpResponse<String> back = browser.getNoRedirect("/integration/jira-dc/callback?" + query);
            assertEquals(303, back.statusCode(), back.body());
            URI settings = URI.create(back.headers().firstValue("Location").orElseThrow());
            assertEquals("/settings/integrations", settings.getPath());
            return query(settings).get("jira-dc");
        }

        /** The whole dance, Jira granting access with this code and these tokens. */
        Map<String, String> connectWith(String code, String access, String refresh, long expiresIn) {
            SECRETS_SEEN.addAll(List.of(access, refresh));
            JiraStubs.code(JIRA, code, JiraStubs.tokens(access, refresh, expiresIn));
            JiraStubs.myself(JIRA, access, userJson());
            Map<String, String> authorize = connect();
            assertEquals("connected", callback("code=" + code + "&state=" + authorize.get("state")));
            return authorize;
        }

        JsonObject link() {
            HttpResponse<String> response = browser.get("/api/integrations/jira-dc/link");
            assertEquals(200, response.statusCode(), response.body());
            return Http.json(response);
        }

        String lastMessage() {
            return link().getJsonObject("lastAttempt").getString("message");
        }
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> params = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    static String s256(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    static List<LoggedRequest> tokenRequests(String param, String value) {
        return JIRA.findAll(
                postRequestedFor(urlEqualTo("/rest/oauth2/latest/token")).withFormParam(param, equalTo(value)));
    }

    @Test
    void connectsThroughJiraOAuthWithPkceAndFormEncoding() throws Exception {
        Person alice = new Person().signIn();
        Map<String, String> authorize = alice.connectWith("code-" + alice.id, "at-" + alice.id, "rt-" + alice.id, 3600);

        assertEquals(SETTINGS.oauthClientId, authorize.get("client_id"));
        assertEquals(CALLBACK, authorize.get("redirect_uri"));
        assertEquals("code", authorize.get("response_type"));
        assertEquals("WRITE", authorize.get("scope"));
        assertEquals("S256", authorize.get("code_challenge_method"));
        assertTrue(authorize.get("state").length() >= 32, "state is unguessable");

        List<LoggedRequest> exchanges = tokenRequests("code", "code-" + alice.id);
        assertEquals(1, exchanges.size());
        LoggedRequest exchange = exchanges.get(0);
        assertTrue(exchange.getHeader("Content-Type").startsWith("application/x-www-form-urlencoded"));
        assertEquals(authorize.get("code_challenge"), s256(exchange.formParameters().get("code_verifier").firstValue()),
                "the code verifier matches the challenge sent to the authorize page");
        assertEquals(SETTINGS.oauthClientSecret, exchange.formParameters().get("client_secret").firstValue());
        assertEquals(CALLBACK, exchange.formParameters().get("redirect_uri").firstValue());

        JsonObject link = alice.link();
        assertTrue(link.getBoolean("linked"));
        assertEquals("oauth", link.getString("linkingMethod"));
        assertEquals(alice.jiraName, link.getJsonObject("link").getString("jiraName"));
        assertEquals(alice.jiraKey, link.getJsonObject("link").getString("jiraKey"));
        assertEquals(alice.email, link.getJsonObject("link").getString("jiraEmail"));
        assertEquals("connected", link.getJsonObject("lastAttempt").getString("outcome"));
        assertTrue(alice.lastMessage().contains(alice.jiraName));
        assertFalse(link.toString().contains("at-" + alice.id), "tokens are never returned");
    }

    @Test
    void aStateWorksOnce() {
        Person bob = new Person().signIn();
        Map<String, String> authorize = bob.connectWith("code-" + bob.id, "at-" + bob.id, "rt-" + bob.id, 3600);
        assertEquals("state-replayed", bob.callback("code=code-" + bob.id + "&state=" + authorize.get("state")));
        assertEquals(1, tokenRequests("code", "code-" + bob.id).size(), "a replay makes no token call");
        assertTrue(bob.lastMessage().contains("already used"), bob.lastMessage());
        assertTrue(bob.link().getBoolean("linked"), "the earlier link stays");
    }

    @Test
    void aStateExpiresAfterTenMinutes() throws Exception {
        Person carol = new Person().signIn();
        String state = carol.connect().get("state");
        try (Connection db = DATABASE.connect();
                PreparedStatement older = db
                        .prepareStatement("update oauth_attempt set created_at = created_at - interval '11' minute,"
                                + " expires_at = expires_at - interval '11' minute where state = ?")) {
            older.setString(1, state);
            assertEquals(1, older.executeUpdate());
        }
        assertEquals("state-expired", carol.callback("code=code-" + carol.id + "&state=" + state));
        assertTrue(tokenRequests("code", "code-" + carol.id).isEmpty());
        assertTrue(carol.lastMessage().contains("10 minutes"), carol.lastMessage());
        assertFalse(carol.link().getBoolean("linked"));
    }

    @Test
    void anUnknownStateIsRefused() {
        Person dan = new Person().signIn();
        assertEquals("state-unknown", dan.callback("code=x&state=made-up-" + dan.id));
        assertEquals("state-unknown", dan.callback("code=x"));
        assertTrue(dan.lastMessage().contains("Click Connect"), dan.lastMessage());
    }

    @Test
    void aStateBelongsToTheAccountThatStartedIt() {
        Person victim = new Person().signIn();
        Person attacker = new Person().signIn();
        String state = attacker.connect().get("state");
        JiraStubs.code(JIRA, "code-" + attacker.id, JiraStubs.tokens("at-" + attacker.id, "rt-" + attacker.id, 3600));
        assertEquals("wrong-account", victim.callback("code=code-" + attacker.id + "&state=" + state));
        assertFalse(victim.link().getBoolean("linked"));
        assertTrue(tokenRequests("code", "code-" + attacker.id).isEmpty());
    }

    @Test
    void aSessionThatEndedInJiraIsToldToSignIn() {
        Person erin = new Person().signIn();
        String state = erin.connect().get("state");
        Person anonymous = new Person();
        assertEquals("not-signed-in", anonymous.callback("code=code-" + erin.id + "&state=" + state));
        assertTrue(tokenRequests("code", "code-" + erin.id).isEmpty(),
                "nothing is exchanged for a browser that is not signed in");
        assertTrue(erin.lastMessage().contains("Sign in, then click Connect again"), erin.lastMessage());
    }

    @Test
    void declinedAccessSaysSo() {
        Person fay = new Person().signIn();
        String state = fay.connect().get("state");
        assertEquals("access-denied",
                fay.callback("error=access_denied&error_description=The+user+denied+access&state=" + state));
        assertTrue(fay.lastMessage().contains("You declined access"), fay.lastMessage());
    }

    @Test
    void aRefusedTokenExchangeSaysWhatJiraSaid() {
        Person gus = new Person().signIn();
        JiraStubs.code(JIRA, "code-" + gus.id,
                JiraStubs.oauthError(400, "invalid_grant", "Authorization code expired"));
        String state = gus.connect().get("state");
        assertEquals("token-refused", gus.callback("code=code-" + gus.id + "&state=" + state));
        assertTrue(gus.lastMessage().contains("invalid_grant (Authorization code expired)"), gus.lastMessage());
        assertTrue(gus.lastMessage().contains("jira-dc.oauth.client-id"), gus.lastMessage());
    }

    @Test
    void aCallbackUrlMismatchShowsTheUrlToRegister() {
        Person hal = new Person().signIn();
        JiraStubs.code(JIRA, "code-" + hal.id, JiraStubs.oauthError(400, "invalid_request", "Invalid redirect_uri"));
        String state = hal.connect().get("state");
        assertEquals("callback-mismatch", hal.callback("code=code-" + hal.id + "&state=" + state));
        assertTrue(hal.lastMessage().contains("set its redirect URL to exactly " + CALLBACK), hal.lastMessage());
    }

    @Test
    void jiraUnreachableSaysSo() {
        Person ida = new Person().signIn();
        JiraStubs.code(JIRA, "code-" + ida.id, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        String state = ida.connect().get("state");
        assertEquals("jira-unreachable", ida.callback("code=code-" + ida.id + "&state=" + state));
        assertTrue(ida.lastMessage().contains(MockServers.baseUrl(JIRA)), ida.lastMessage());
    }

    @Test
    void disconnectRemovesTheLinkAndItsTokens() throws Exception {
        Person jo = new Person().signIn();
        jo.connectWith("code-" + jo.id, "at-" + jo.id, "rt-" + jo.id, 3600);
        HttpResponse<String> response = jo.browser.delete("/api/integrations/jira-dc/link");
        assertEquals(200, response.statusCode(), response.body());
        assertFalse(Http.json(response).getBoolean("linked"));
        try (Connection db = DATABASE.connect();
                PreparedStatement links = db.prepareStatement("select count(*) from jira_link where jira_key = ?")) {
            links.setString(1, jo.jiraKey);
            var rs = links.executeQuery();
            rs.next();
            assertEquals(0, rs.getInt(1));
        }
    }

    @Test
    void twentyConcurrentRefreshesMakeOneTokenCall() throws Exception {
        Person kim = new Person().signIn();
        // Jira's token lives 30 s: inside the refresh margin, so the first use refreshes it
        kim.connectWith("code-" + kim.id, "at-" + kim.id, "rt-" + kim.id, 30);
        SECRETS_SEEN.addAll(List.of("at2-" + kim.id, "rt2-" + kim.id));
        JIRA.stubFor(post("/rest/oauth2/latest/token")
                .withFormParam("grant_type", equalTo("refresh_token"))
                .withFormParam("refresh_token", equalTo("rt-" + kim.id))
                .withFormParam("redirect_uri", equalTo(CALLBACK))
                .willReturn(JiraStubs.tokens("at2-" + kim.id, "rt2-" + kim.id, 3600).withFixedDelay(300)));
        JiraStubs.myself(JIRA, "at2-" + kim.id, kim.userJson());

        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<HttpResponse<String>>> checks = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                checks.add(pool.submit(() -> kim.browser.postJson("/api/integrations/jira-dc/link/check", "{}")));
            }
            for (Future<HttpResponse<String>> check : checks) {
                HttpResponse<String> response = check.get();
                assertEquals(200, response.statusCode(), response.body());
                assertEquals(kim.jiraName, Http.json(response).getString("jiraName"));
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1, tokenRequests("refresh_token", "rt-" + kim.id).size(), "exactly one refresh");
        assertTrue(tokenRequests("refresh_token", "rt2-" + kim.id).isEmpty(), "the new token needed no refresh");
        assertEquals(200, kim.browser.postJson("/api/integrations/jira-dc/link/check", "{}").statusCode(),
                "the rotated token keeps working");
    }

    @Test
    void aRefreshTokenJiraNoLongerAcceptsAsksToReconnect() {
        Person lou = new Person().signIn();
        lou.connectWith("code-" + lou.id, "at-" + lou.id, "rt-" + lou.id, 30);
        JIRA.stubFor(post("/rest/oauth2/latest/token").withFormParam("refresh_token", equalTo("rt-" + lou.id))
                .willReturn(JiraStubs.oauthError(400, "invalid_grant", "Refresh token revoked")));
        HttpResponse<String> check = lou.browser.postJson("/api/integrations/jira-dc/link/check", "{}");
        assertEquals(502, check.statusCode(), check.body());
        assertTrue(Http.json(check).getString("error").contains("invalid_grant"), check.body());
        assertTrue(lou.link().getJsonObject("link").getString("needsReconnect")
                .contains("Connect your Jira account again"));
    }

    /** 429, 5xx and invalid_client (an admin's typo in the client secret) say nothing about the person's tokens. */
    @ParameterizedTest(name = "Jira answers {0}")
    @ValueSource(strings = {"429", "503", "invalid_client"})
    void aRefreshThatFailsForAnyOtherReasonKeepsTheTokens(String failure) {
        Person max = new Person().signIn();
        max.connectWith("code-" + max.id, "at-" + max.id, "rt-" + max.id, 30);
        JIRA.stubFor(post("/rest/oauth2/latest/token").withFormParam("refresh_token", equalTo("rt-" + max.id))
                .willReturn(failure.equals("invalid_client")
                        ? JiraStubs.oauthError(401, "invalid_client", "Bad client credentials")
                        : aResponse().withStatus(Integer.parseInt(failure))));
        HttpResponse<String> check = max.browser.postJson("/api/integrations/jira-dc/link/check", "{}");
        assertNotEquals(200, check.statusCode(), check.body());
        assertFalse(max.link().getJsonObject("link").containsKey("needsReconnect"), max.link().toString());

        SECRETS_SEEN.addAll(List.of("at2-" + max.id, "rt2-" + max.id));
        JIRA.stubFor(post("/rest/oauth2/latest/token").withFormParam("refresh_token", equalTo("rt-" + max.id))
                .willReturn(JiraStubs.tokens("at2-" + max.id, "rt2-" + max.id, 3600)));
        JiraStubs.myself(JIRA, "at2-" + max.id, max.userJson());
        assertEquals(200, max.browser.postJson("/api/integrations/jira-dc/link/check", "{}").statusCode(),
                "the kept refresh token works once Jira does");
    }

    @Test
    void adminsSeeWhoAJiraUserResolvesTo() {
        Person linked = new Person().signIn();
        linked.connectWith("code-" + linked.id, "at-" + linked.id, "rt-" + linked.id, 3600);
        String apiKey = "oh-" + linked.id;
        SECRETS_SEEN.add(apiKey);
        OpenHandsUsers.keyBelongsTo(OPENHANDS, apiKey, linked.email);
        assertEquals(200, linked.browser.putJson("/api/integrations/jira-dc/account/openhands-api-key",
                "{\"apiKey\":\"" + apiKey + "\"}").statusCode());
        Person linkedWithoutKey = new Person().signIn();
        linkedWithoutKey.connectWith("code-" + linkedWithoutKey.id, "at-" + linkedWithoutKey.id,
                "rt-" + linkedWithoutKey.id, 3600);
        Person notLinked = new Person().signIn();
        Person stranger = new Person();
        Person admin = new Person().signIn(IdentityProvider.ADMIN_GROUP);

        for (Person person : List.of(linked, linkedWithoutKey, notLinked, stranger)) {
            JIRA.stubFor(get(urlPathEqualTo("/rest/api/2/user")).withQueryParam("username", equalTo(person.jiraName))
                    .withHeader("Authorization", equalTo("Bearer " + SETTINGS.servicePat))
                    .willReturn(okJson(person.userJson())));
        }
        assertEquals("linked", resolution(admin, linked).getString("outcome"));
        assertEquals(linked.email, resolution(admin, linked).getString("account"));
        assertEquals("no-openhands-key", resolution(admin, linkedWithoutKey).getString("outcome"));
        assertEquals("account-not-linked", resolution(admin, notLinked).getString("outcome"));
        assertEquals(notLinked.email, resolution(admin, notLinked).getString("account"));
        assertEquals("no-account", resolution(admin, stranger).getString("outcome"));

        var links = admin.browser.get("/api/integrations/jira-dc/links");
        assertEquals(200, links.statusCode());
        assertTrue(links.body().contains(linked.jiraName) && links.body().contains(linkedWithoutKey.jiraName));
    }

    static JsonObject resolution(Person admin, Person person) {
        HttpResponse<String> response = admin.browser
                .get("/api/integrations/jira-dc/users/" + person.jiraName + "/resolution");
        assertEquals(200, response.statusCode(), response.body());
        return Http.json(response);
    }

    @Test
    void adminApisAreForAdminsOnly() {
        Person nonAdmin = new Person().signIn("developers");
        HttpResponse<String> response = nonAdmin.browser.get("/api/integrations/jira-dc/links");
        assertEquals(403, response.statusCode(), response.body());
        assertTrue(Http.json(response).getString("error").contains(IdentityProvider.ADMIN_GROUP));
        assertEquals(401, Http.get(ServiceUrls.local(service, "/api/integrations/jira-dc/links")).statusCode());
    }
}
