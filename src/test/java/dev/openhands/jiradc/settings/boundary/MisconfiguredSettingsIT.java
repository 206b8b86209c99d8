package dev.openhands.jiradc.settings.boundary;

import static org.junit.jupiter.api.Assertions.*;

import dev.openhands.jiradc.testing.Http;
import dev.openhands.jiradc.testing.ServiceUrls;
import dev.openhands.jiradc.testing.TestDatabase;
import dev.openhands.jiradc.testing.TestDeployment;
import dev.openhands.jiradc.testing.TestSettings;
import jakarta.json.JsonObject;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A Jira base URL entered without its scheme, the documented mistake: the deployment still
 * starts, readiness is DOWN and says which key to fix and how, and no secret is shown.
 */
@ExtendWith(ArquillianExtension.class)
class MisconfiguredSettingsIT {

    static final TestSettings SETTINGS = new TestSettings("jira.example.com", "https://app.openhands.example.com");

    @ArquillianResource
    URL service;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestDeployment.on(TestDatabase.fresh()).with(SETTINGS.values()).war();
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
        assertEquals(3, settings.getJsonObject("data").size(), "enabled, linking method and the one problem: " + settings);
    }

    @Test
    void noSecretValueInTheReadinessBody() {
        String body = Http.get(ServiceUrls.local(service, "/health/ready")).body();
        for (String secret : SETTINGS.secretValues()) {
            assertFalse(body.contains(secret), "a secret value appears in readiness");
        }
    }

    @Test
    void theServiceStillAnswersLiveness() {
        assertEquals(200, Http.get(ServiceUrls.local(service, "/health/live")).statusCode());
    }
}
