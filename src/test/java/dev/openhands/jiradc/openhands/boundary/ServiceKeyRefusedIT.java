package dev.openhands.jiradc.openhands.boundary;

import static org.junit.jupiter.api.Assertions.*;

import dev.openhands.jiradc.testing.Eventually;
import dev.openhands.jiradc.testing.Http;
import dev.openhands.jiradc.testing.ServiceUrls;
import dev.openhands.jiradc.testing.TestEnvironment;
import dev.openhands.jiradc.testing.browser.Browser;
import dev.openhands.jiradc.testing.identity.IdentityProvider;
import dev.openhands.jiradc.testing.openhands.OpenHandsServiceKeys;
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
 * OpenHands refuses the configured service key: readiness and the troubleshooting checks name it and say what to fix.
 */
@ExtendWith(ArquillianExtension.class)
class ServiceKeyRefusedIT {

    static final TestEnvironment ENV = TestEnvironment.start();
    static final String WRONG_KEY = "wrong-" + ENV.settings.serviceApiKey;

    @ArquillianResource
    URL service;

    @Deployment(testable = false)
    static WebArchive deployment() {
        new OpenHandsServiceKeys(ENV.openHands, ENV.settings.serviceApiKey, ENV.settings.orgId).refuseEveryServiceKey();
        return ENV.deployment().with("openhands.service-api-key", WRONG_KEY)
                .with("openhands.org-id", ENV.settings.orgId).war();
    }

    @AfterAll
    static void stop() {
        ENV.stop();
    }

    @Test
    void readinessNamesTheServiceKeyAndTheFix() {
        JsonObject check = Eventually.await(() -> Http.json(Http.get(ServiceUrls.local(service, "/health/ready")))
                .getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("openhands-service-key")
                        && c.getString("status").equals("DOWN"))
                .findFirst(), "the service key check to go DOWN");
        String message = check.getJsonObject("data").getString("openhands.service-api-key");
        assertTrue(message.contains("OpenHands answered 401 (Invalid service API key)"), message);
        assertTrue(
                message.contains("Set openhands.service-api-key to the service key configured on the OpenHands server"
                        + " (its AUTOMATIONS_SERVICE_KEY) and redeploy"),
                message);
        assertEquals(503, Http.get(ServiceUrls.local(service, "/health/ready")).statusCode());
        assertFalse(message.contains(WRONG_KEY));
    }

    @Test
    void theTroubleshootingCheckSaysWhatToFix() {
        Browser admin = ENV.signIn(service, "admin", "admin@example.com", List.of(IdentityProvider.ADMIN_GROUP));
        var diagnostics = admin.get("/api/integrations/jira-dc/diagnostics");
        assertEquals(200, diagnostics.statusCode(), diagnostics.body());
        JsonObject check = Http.json(diagnostics).getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("id").equals("openhands-service-key")).findFirst().orElseThrow();
        assertEquals("problem", check.getString("status"));
        assertTrue(check.getString("detail").contains("401"), check.getString("detail"));
        assertTrue(check.getString("fix").startsWith("Set openhands.service-api-key to the service key"),
                check.getString("fix"));
        assertFalse(diagnostics.body().contains(WRONG_KEY), "the key itself is never shown");
    }
}
