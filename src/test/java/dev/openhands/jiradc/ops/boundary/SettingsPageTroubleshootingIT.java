package dev.openhands.jiradc.ops.boundary;

import static org.junit.jupiter.api.Assertions.*;

import dev.openhands.jiradc.testing.TestEnvironment;
import dev.openhands.jiradc.testing.browser.HeadlessChromium;
import dev.openhands.jiradc.testing.identity.IdentityProvider;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A base URL written without its scheme: the troubleshooting panel turns that check red and says what to write. */
@ExtendWith(ArquillianExtension.class)
class SettingsPageTroubleshootingIT {

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
    void aBaseUrlWithoutSchemeIsRedWithTheFix() {
        try (HeadlessChromium chromium = HeadlessChromium.open(service)) {
            chromium.signIn(ENV.idp, "admin", "admin@example.com", List.of(IdentityProvider.ADMIN_GROUP));
            chromium.textContaining("checks-status", "Checked at");
            assertEquals("problem", SettingsPageIT.checkStatus(chromium, "base-url"));
            String baseUrl = SettingsPageIT.checkText(chromium, "base-url");
            assertTrue(baseUrl.contains("must include the scheme"), baseUrl);
            assertTrue(baseUrl.contains("jira.example.com"), baseUrl);
            assertTrue(baseUrl.contains("Fix: Set jira-dc.base-url to Jira's full address, including https://"),
                    baseUrl);
            // without a base URL Jira cannot be asked; that is said, not passed off as fine
            assertEquals("unknown", SettingsPageIT.checkStatus(chromium, "service-account"));
            assertEquals("unknown", SettingsPageIT.checkStatus(chromium, "jira-reachable"));
            // the other values are fine, so the integration itself is enabled and deployed
            assertEquals("ok", SettingsPageIT.checkStatus(chromium, "integration"));
            assertEquals("result error",
                    chromium.driver.findElement(org.openqa.selenium.By.id("checks-status")).getDomAttribute("class"));
            chromium.screenshot("troubleshooting-bad-base-url");
        }
    }
}
