package dev.openhands.jiradc.settings.boundary;

import static org.junit.jupiter.api.Assertions.*;

import dev.openhands.jiradc.testing.Http;
import dev.openhands.jiradc.testing.ServiceUrls;
import dev.openhands.jiradc.testing.TestEnvironment;
import dev.openhands.jiradc.testing.browser.Browser;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A Jira base URL entered without its scheme, the documented mistake: the deployment still
 * starts, readiness is DOWN and says which key to fix and how, connecting Jira says so too, and no
 * secret is shown.
 */
@ExtendWith(ArquillianExtension.class)
class MisconfiguredSettingsIT {

    static final TestEnvironment ENV = TestEnvironment.start();

    @ArquillianResource
    URL service;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ENV.deployment().with("jira-dc.base-url", "jira.example.com").war();
    }

    @AfterAll
    static void stop() {
        ENV.stop();
    }

    @Test
    void readinessIsDownAndNamesTheBaseUrl() {
        var response = Http.get(ServiceUrls.local(service, "/health/ready"));
        assertEquals(503, response.statusCode(), response.body());
        JsonObject health = Http.json(response);
        assertEquals("DOWN", health.getString("status"));
        JsonObject settings = health.getJsonArray("checks").stream().map(JsonObject.class::cast)
                .filter(check -> check.getString("name").equals("settings")).findFirst().orElseThrow();
        assertEquals("DOWN", settings.getString("status"));
        String message = settings.getJsonObject("data").getString("jira-dc.base-url");
        assertTrue(message.contains("must include the scheme"), message);
        assertTrue(message.contains("https://jira.example.com"), message);
        assertEquals(3, settings.getJsonObject("data").size(),
                "enabled, linking method and the one problem: " + settings);
    }

    @Test
    void noSecretValueInTheReadinessBody() {
        String body = Http.get(ServiceUrls.local(service, "/health/ready")).body();
        for (String secret : ENV.settings.secretValues()) {
            assertFalse(body.contains(secret), "a secret value appears in readiness");
        }
    }

    @Test
    void theServiceStillAnswersLiveness() {
        assertEquals(200, Http.get(ServiceUrls.local(service, "/health/live")).statusCode());
    }

    @Test
    void connectingJiraSaysWhichSettingAnAdminMustFix() {
        Browser person = ENV.signIn(service, "sub-misconfigured", "person@example.com", List.of());
        var connect = person.getNoRedirect("/api/integrations/jira-dc/link/connect");
        assertEquals(503, connect.statusCode(), connect.body());
        String error = Http.json(connect).getString("error");
        assertTrue(
                error.startsWith(
                        "Jira cannot be reached until an admin fixes the integration's settings and redeploys:"),
                error);
        assertTrue(error.contains("jira-dc.base-url") && error.contains("must include the scheme"), error);
        assertEquals(503, person.postJson("/api/integrations/jira-dc/link/check", "{}").statusCode());
    }
}
