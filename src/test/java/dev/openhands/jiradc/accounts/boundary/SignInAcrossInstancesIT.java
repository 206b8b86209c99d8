package dev.openhands.jiradc.accounts.boundary;

import static org.junit.jupiter.api.Assertions.*;

import dev.openhands.jiradc.testing.Http;
import dev.openhands.jiradc.testing.ServiceUrls;
import dev.openhands.jiradc.testing.TestEnvironment;
import dev.openhands.jiradc.testing.browser.Browser;
import dev.openhands.jiradc.testing.identity.IdentityProvider;
import dev.openhands.jiradc.testing.identity.SessionCookies;
import dev.openhands.jiradc.testing.jira.JiraStubs;
import dev.openhands.jiradc.testing.openhands.OpenHandsUsers;
import dev.openhands.jiradc.testing.server.Leaks;
import dev.openhands.jiradc.testing.server.PayaraMicroServer;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two instances on one database behind a load balancer without sticky sessions, played by a browser that sends each
 * request to either one: a sign-in started on one is finished on the other, and the person's calls work on both; a
 * sign-out on one ends the session on the other, even for a cookie kept from before; a Jira account connection
 * started on one is completed on the other.
 */
@ExtendWith(ArquillianExtension.class)
class SignInAcrossInstancesIT {

    static final TestEnvironment ENV = TestEnvironment.start();
    static final Path SECOND = Path.of(System.getProperty("it.directory", "target"), "sign-in-second");
    static final String ACCOUNT = "/api/integrations/jira-dc/account";
    static final List<String> TOKENS_SEEN = new ArrayList<>();
    static WebArchive war;
    static PayaraMicroServer second;

    @ArquillianResource
    URL service;

    @Deployment(testable = false)
    static WebArchive deployment() {
        war = ENV.deployment().war();
        return war;
    }

    @AfterAll
    static void stop() throws InterruptedException {
        try {
            if (second != null) {
                second.close();
            }
            Leaks.assertNotStoredOrLogged(ENV.database, TOKENS_SEEN.toArray(String[]::new));
        } finally {
            ENV.stop();
        }
    }

    /** The same WAR on the same database, in a second Payara Micro: started once, for every test of the class. */
    static synchronized PayaraMicroServer secondInstance() throws IOException {
        if (second == null) {
            second = PayaraMicroServer.startBeside(war, SECOND);
            second.awaitReady(Duration.ofMinutes(3));
        }
        return second;
    }

    /**
     * A browser whose requests go to the first instance; {@code .at(...)} sends them to the second with the same
     * cookies.
     */
    Browser onFirst() {
        return new Browser(path -> ServiceUrls.local(service, path));
    }

    record SignedIn(Browser onFirst, Browser onSecond, String sessionToken) {
    }

    /** Signs in through the first instance; the identity provider's answer reaches the second. */
    SignedIn signedInAcrossInstances(String email, List<String> groups) throws IOException {
        Browser first = onFirst();
        Browser other = first.at(secondInstance()::uri);
        ENV.idp.nextSignIn("sub-" + email, email, "Person " + email, groups);
        HttpResponse<String> started = first.getNoRedirect("/sign-in");
        assertEquals(303, started.statusCode(), started.body());
        URI callback = ENV.idp.answer(location(started));
        assertEquals(service.getPort(), callback.getPort(), "the provider sends the browser back where it started");
        HttpResponse<String> back = other.getNoRedirect(callback.getRawPath() + "?" + callback.getRawQuery());
        assertEquals(303, back.statusCode(), back.body());
        assertEquals("/settings/integrations", landing(back), "signed in, on the other instance");
        String token = other.cookie(SessionCookies.SESSION).orElseThrow();
        TOKENS_SEEN.add(token);
        return new SignedIn(first, other, token);
    }

    @Test
    void aSignInStartedOnOneInstanceIsFinishedOnTheOtherAndTheSettingsWorkOnBoth() throws IOException {
        String email = "hopper-" + unique() + "@example.com";
        SignedIn person = signedInAcrossInstances(email, List.of(IdentityProvider.ADMIN_GROUP));
        for (int call = 0; call < 6; call++) {
            Browser instance = call % 2 == 0 ? person.onFirst() : person.onSecond();
            var account = instance.get(ACCOUNT);
            assertEquals(200, account.statusCode(), "call " + call + ": " + account.body());
            assertEquals(email, Http.json(account).getString("email"));
            assertEquals(200, instance.get("/api/integrations/jira-dc/connections").statusCode(),
                    "an admin call, call " + call);
        }

        String key = "oh-key-" + UUID.randomUUID();
        OpenHandsUsers.keyBelongsTo(ENV.openHands, key, email);
        var saved = person.onFirst().putJson(ACCOUNT + "/openhands-api-key", "{\"apiKey\":\"" + key + "\"}");
        assertEquals(200, saved.statusCode(), saved.body());
        assertEquals("set", Http.json(person.onSecond().get(ACCOUNT)).getString("openHandsApiKey"),
                "saved on one, seen on the other");
        assertEquals(200, person.onSecond().delete(ACCOUNT + "/openhands-api-key").statusCode());
        assertEquals("not set", Http.json(person.onFirst().get(ACCOUNT)).getString("openHandsApiKey"));
    }

    @Test
    void aSignOutOnOneInstanceEndsTheSessionOnTheOtherEvenForTheOldCookie() throws IOException {
        SignedIn person = signedInAcrossInstances("leaver-" + unique() + "@example.com", List.of());
        assertEquals(200, person.onSecond().get(ACCOUNT).statusCode());

        var out = person.onFirst().send("POST", "/sign-in/out", Map.of("X-Requested-With", "fetch"), "");
        assertEquals(204, out.statusCode(), out.body());
        assertEquals(401, person.onSecond().get(ACCOUNT).statusCode(), "signed out on the other instance too");
        for (URI instance : List.of(ServiceUrls.local(service, ACCOUNT), secondInstance().uri(ACCOUNT))) {
            var replayed = Http.send(HttpRequest.newBuilder(instance)
                    .header("Cookie", SessionCookies.SESSION + "=" + person.sessionToken()).GET().build());
            assertEquals(401, replayed.statusCode(), "a copy of the cookie from before the sign-out, at " + instance);
        }
    }

    @Test
    void aJiraConnectionStartedOnOneInstanceIsCompletedOnTheOther() throws IOException {
        String id = unique();
        SignedIn person = signedInAcrossInstances("linker-" + id + "@example.com", List.of());
        String code = "code-" + id;
        String accessToken = "at-" + id;
        TOKENS_SEEN.addAll(List.of(accessToken, "rt-" + id));
        JiraStubs.code(ENV.jira, code, JiraStubs.tokens(accessToken, "rt-" + id, 3600));
        JiraStubs.myself(ENV.jira, accessToken, JiraStubs.user(ENV.jiraUrl(), "linker-" + id,
                "JIRAUSER" + Math.abs(id.hashCode()), "linker-" + id + "@example.com", "Linker"));

        URI authorize = location(person.onFirst().getNoRedirect("/api/integrations/jira-dc/link/connect"));
        String state = authorize.getQuery().replaceAll(".*state=([^&]+).*", "$1");
        var back = person.onSecond().getNoRedirect("/integration/jira-dc/callback?code=" + code + "&state=" + state);
        assertEquals("/settings/integrations?jira-dc=connected", landing(back));
        var link = Http.json(person.onFirst().get("/api/integrations/jira-dc/link"));
        assertTrue(link.getBoolean("linked"), link.toString());
        assertEquals("linker-" + id, link.getJsonObject("link").getString("jiraName"));
    }

    /** Nothing a browser keeps reads in clear: the pending sign-in is sealed, the session's cookie a random token. */
    @Test
    void theCookiesHoldNothingInClear() throws IOException {
        Browser browser = onFirst();
        HttpResponse<String> started = browser.getNoRedirect("/sign-in");
        String pending = browser.cookie(SessionCookies.PENDING_SIGN_IN).orElseThrow();
        String state = location(started).getQuery().replaceAll(".*state=([^&]+).*", "$1");
        String opened = new String(Base64.getUrlDecoder().decode(pending), StandardCharsets.ISO_8859_1);
        assertFalse(opened.contains(state) || pending.contains(state), "the state is sealed");
        assertFalse(opened.toLowerCase(Locale.ROOT).contains("verifier"),
                "the pending sign-in is sealed, not only encoded");

        String token = signedInAcrossInstances("clear-" + unique() + "@example.com", List.of()).sessionToken();
        assertTrue(token.matches("[A-Za-z0-9_-]{43}"), "a random token, nothing else: " + token);
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static URI location(HttpResponse<String> response) {
        return URI.create(response.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
                "no redirect: " + response.statusCode() + " " + response.body())));
    }

    /** Where a redirect to this service points, without the host the instance names. */
    static String landing(HttpResponse<String> response) {
        URI location = location(response);
        return location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
    }
}
