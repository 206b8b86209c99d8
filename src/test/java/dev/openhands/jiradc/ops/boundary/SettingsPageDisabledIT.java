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
import org.openqa.selenium.By;

/** jira-dc.enabled=false: the page says the integration is off and which setting turns it on; no card. */
@ExtendWith(ArquillianExtension.class)
class SettingsPageDisabledIT {

    static final TestEnvironment ENV = TestEnvironment.start();

    @ArquillianResource
    URL service;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ENV.deployment().with("jira-dc.enabled", "false").war();
    }

    @AfterAll
    static void stop() {
        ENV.stop();
    }

    @Test
    void anAdminSeesThatTheIntegrationIsNotEnabledAndHowToEnableIt() {
        try (HeadlessChromium chromium = HeadlessChromium.open(service)) {
            chromium.signIn(ENV.idp, "admin", "admin@example.com", List.of(IdentityProvider.ADMIN_GROUP));
            String message = chromium.visible("disabled").getText();
            assertTrue(message.contains("The Jira Data Center integration is not enabled."), message);
            assertTrue(message.contains("jira-dc.enabled=true"), message);
            assertFalse(chromium.driver.findElement(By.id("card-body")).isDisplayed(), "no card while disabled");
            assertFalse(chromium.driver.findElement(By.id("connect")).isDisplayed());
            assertFalse(chromium.driver.findElement(By.id("troubleshooting")).isDisplayed());
            chromium.screenshot("disabled-integration");
        }
    }
}
