package dev.openhands.jiradc.accounts.boundary;

import static org.junit.jupiter.api.Assertions.*;

import dev.openhands.jiradc.testing.Browser;
import dev.openhands.jiradc.testing.Eventually;
import dev.openhands.jiradc.testing.Http;
import dev.openhands.jiradc.testing.IdentityProvider;
import dev.openhands.jiradc.testing.TestEnvironment;
import java.net.URL;
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
 * Here with a lifetime of 8 s and admin calls for 4 s after sign-in.
 */
@ExtendWith(ArquillianExtension.class)
class SessionLifetimeIT {

    static final TestEnvironment ENV = TestEnvironment.start();

    @ArquillianResource
    URL service;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ENV.deployment().with("oidc.session-lifetime", "PT8S").with("oidc.admin-reauthenticate-after", "PT4S").war();
    }

    @AfterAll
    static void stop() {
        ENV.stop();
    }

    @Test
    void adminCallsAskForAFreshSignInAndEverySessionEndsAtItsLifetimeHoweverBusy() {
        Browser admin = ENV.signIn(service, "admin-session", "admin@example.com", List.of(IdentityProvider.ADMIN_GROUP));
        assertEquals(200, admin.get("/api/integrations/jira-dc/connections").statusCode(), "an admin call right after sign-in");

        var stale = Eventually.await(() -> Optional.of(admin.get("/api/integrations/jira-dc/connections"))
                .filter(answer -> answer.statusCode() != 200), "admin calls to ask for a fresh sign-in");
        assertEquals(401, stale.statusCode(), stale.body());
        assertTrue(Http.json(stale).getString("error").contains("sign in again"), stale.body());
        assertEquals(200, admin.get("/api/integrations/jira-dc/account").statusCode(), "the session itself still lives");

        var ended = Eventually.await(() -> Optional.of(admin.get("/api/integrations/jira-dc/account"))
                .filter(answer -> answer.statusCode() != 200), "the session to end at its lifetime");
        assertEquals(401, ended.statusCode(), "however busy it was: " + ended.body());
    }
}
