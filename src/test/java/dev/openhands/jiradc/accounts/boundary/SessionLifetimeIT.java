package dev.openhands.jiradc.accounts.boundary;

import static org.junit.jupiter.api.Assertions.*;

import dev.openhands.jiradc.accounts.entity.PendingSignIn;
import dev.openhands.jiradc.testing.Eventually;
import dev.openhands.jiradc.testing.Http;
import dev.openhands.jiradc.testing.ServiceUrls;
import dev.openhands.jiradc.testing.TestEnvironment;
import dev.openhands.jiradc.testing.browser.Browser;
import dev.openhands.jiradc.testing.browser.BrowserSeals;
import dev.openhands.jiradc.testing.identity.IdentityProvider;
import dev.openhands.jiradc.testing.identity.SessionCookies;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A signed-in session ends at its absolute lifetime however busy it is, and admin calls ask for a fresh sign-in
 * sooner, since membership of the admin group is read from the identity provider only when someone signs in.
 * Here with a lifetime of 8 s and admin calls for 4 s after sign-in. A sign-in waiting for the identity provider's
 * answer lasts 5 minutes.
 */
@ExtendWith(ArquillianExtension.class)
class SessionLifetimeIT {

    static final TestEnvironment ENV = TestEnvironment.start();
    static final BrowserSeals SEALS = new BrowserSeals(ENV.settings.secretsKey);

    @ArquillianResource
    URL service;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ENV.deployment().with("oidc.session-lifetime", "PT8S").with("oidc.admin-reauthenticate-after", "PT4S")
                .war();
    }

    @AfterAll
    static void stop() {
        ENV.stop();
    }

    @Test
    void adminCallsAskForAFreshSignInAndEverySessionEndsAtItsLifetimeHoweverBusy() {
        Browser admin = ENV.signIn(service, "admin-session", "admin@example.com",
                List.of(IdentityProvider.ADMIN_GROUP));
        String token = admin.cookie(SessionCookies.SESSION).orElseThrow();
        assertEquals(200, admin.get("/api/integrations/jira-dc/connections").statusCode(),
                "an admin call right after sign-in");

        var stale = Eventually.await(() -> Optional.of(admin.get("/api/integrations/jira-dc/connections"))
                .filter(answer -> answer.statusCode() != 200), "admin calls to ask for a fresh sign-in");
        assertEquals(401, stale.statusCode(), stale.body());
        assertTrue(Http.json(stale).getString("error").contains("sign in again"), stale.body());
        assertEquals(200, admin.get("/api/integrations/jira-dc/account").statusCode(),
                "the session itself still lives");

        var ended = Eventually.await(() -> Optional.of(admin.get("/api/integrations/jira-dc/account"))
                .filter(answer -> answer.statusCode() != 200), "the session to end at its lifetime");
        assertEquals(401, ended.statusCode(), "however busy it was: " + ended.body());
        var kept = Http.send(HttpRequest.newBuilder(ServiceUrls.local(service, "/api/integrations/jira-dc/account"))
                .header("Cookie", SessionCookies.SESSION + "=" + token).GET().build());
        assertEquals(401, kept.statusCode(), "ended by the service, not only dropped by the browser: " + kept.body());
    }

    @Test
    void aPendingSignInLastsFiveMinutes() {
        assertEquals("/settings/integrations", answeredAfter(Duration.ofMinutes(4).plusSeconds(50)).toString(),
                "in time");
        assertEquals("/settings/integrations?sign-in=expired",
                answeredAfter(Duration.ofMinutes(5).plusSeconds(1)).toString());
    }

    /**
     * Where a sign-in ends whose answer from the identity provider comes this long after it started: the browser's
     * pending sign-in is sealed again, started that much earlier.
     */
    URI answeredAfter(Duration wait) {
        Browser browser = new Browser(path -> ServiceUrls.local(service, path));
        ENV.idp.nextSignIn("pending-" + wait.toSeconds(), "pending-" + wait.toSeconds() + "@example.com", "Pending",
                List.of());
        HttpResponse<String> started = browser.getNoRedirect("/sign-in");
        String cookie = started.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith(SessionCookies.PENDING_SIGN_IN + "=")).findFirst().orElseThrow();
        assertTrue(cookie.contains("; Max-Age=300;"), "the browser keeps it 5 minutes: " + cookie);
        String sealed = cookie.substring(cookie.indexOf('=') + 1).split(";")[0];
        PendingSignIn pending = PendingSignIn.fromJson(SEALS.open(PendingSignIn.PURPOSE, sealed)).orElseThrow();
        String earlier = SEALS.seal(PendingSignIn.PURPOSE, new PendingSignIn(pending.state(), pending.nonce(),
                pending.codeVerifier(), pending.redirectUri(), pending.startedAt().minus(wait)).toJson());
        URI callback = ENV.idp.answer(URI.create(started.headers().firstValue("Location").orElseThrow()));
        HttpResponse<String> back = Http.send(HttpRequest
                .newBuilder(ServiceUrls.local(service, callback.getRawPath() + "?"
                        + callback.getRawQuery()))
                .header("Cookie", SessionCookies.PENDING_SIGN_IN + "=" + earlier).GET().build());
        assertEquals(303, back.statusCode(), back.body());
        URI landing = URI.create(back.headers().firstValue("Location").orElseThrow());
        return URI.create(landing.getRawPath() + (landing.getRawQuery() == null ? "" : "?" + landing.getRawQuery()));
    }
}
