package dev.openhands.jiradc.simulator;

import static org.junit.jupiter.api.Assertions.*;

import dev.openhands.jiradc.testing.Eventually;
import dev.openhands.jiradc.testing.Http;
import dev.openhands.jiradc.testing.Ports;
import dev.openhands.jiradc.testing.TestDatabase;
import dev.openhands.jiradc.testing.TestSettings;
import dev.openhands.jiradc.testing.browser.HeadlessChromium;
import dev.openhands.jiradc.testing.identity.IdentityProvider;
import dev.openhands.jiradc.testing.server.AppServer;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The simulator of {@code ./mvnw -Prun} with the WAR on Payara Micro, configured as the run profile configures it (only
 * the ports differ): outside dev mode the service is not ready against it; in dev mode a newcomer goes the whole way in
 * chromium, through the real paths (sign-in, the webhook installed with the admin PAT, Jira linked through the
 * simulator's authorize page, an API key saved), comments {@code @openhands} on the simulated issue and sees "I'm on
 * it", then the summary with the pull request. Every exchange with the simulated OpenHands is judged by OpenHands'
 * published API description, as in every other test. Screenshots go to {@code target/screenshots}.
 */
class SimulatorIT {

    static final IdentityProvider IDP = IdentityProvider.start();
    static Simulator simulator;

    @BeforeAll
    static void startTheSimulator() {
        simulator = Simulator.start(0, 0, "http://localhost:0", Duration.ofSeconds(1), Duration.ofSeconds(3));
    }

    @AfterAll
    static void stop() {
        simulator.close();
        IDP.stop();
        assertEquals(List.of(), simulator.contractViolations(),
                "the simulated OpenHands answered outside OpenHands' API description");
    }

    /** The settings ./mvnw -Prun gives the service (src/test/run/simulator.env), on this test's ports. */
    static Map<String, String> runSettings(int port, boolean devMode) {
        // a database of its own: each server has its own secrets.key
        Map<String, String> config = new LinkedHashMap<>(TestDatabase.fresh().config());
        config.put("service.dev-mode", String.valueOf(devMode));
        config.put("secrets.key", TestSettings.newSecretsKey());
        config.put("openhands.app-url", "http://localhost:" + port);
        config.put("oidc.provider-uri", IDP.issuerUrl());
        config.put("oidc.client-id", "openhands-jira-dc");
        config.put("oidc.client-secret", "dev-only-secret");
        config.put("jira-dc.enabled", "true");
        config.put("jira-dc.base-url", simulator.jiraUrl());
        config.put("jira-dc.service-account.email", "openhands-bot@example.com");
        config.put("jira-dc.service-account.pat", JiraAccounts.SERVICE_ACCOUNT_PAT);
        config.put("jira-dc.oauth.client-id", JiraAccounts.OAUTH_CLIENT_ID);
        config.put("jira-dc.oauth.client-secret", JiraAccounts.OAUTH_CLIENT_SECRET);
        config.put("openhands.api-url", simulator.openHandsUrl());
        config.put("openhands.web-url", simulator.jiraUrl() + "/simulator/openhands");
        config.put("jira-dc.jobs.poll-interval", "PT1S");
        config.put("jira-dc.jobs.max-poll-interval", "PT2S");
        config.put("jira-dc.processing.first-retry", "PT2S");
        return config;
    }

    @Test
    void outsideDevModeTheServiceIsNotReadyAgainstTheSimulatorAndSaysWhy() {
        int port = Ports.free();
        try (AppServer server = AppServer.start(AppServer.Kind.PAYARA_MICRO, runSettings(port, false), port)) {
            JsonObject check = Eventually
                    .await(() -> simulatorCheck(server.readiness()).filter(found -> found.getString("status")
                            .equals("DOWN")), "readiness to name the simulator", Duration.ofMinutes(5));
            assertTrue(
                    check.getJsonObject("data").getString("jira-dc.base-url").contains("is the development simulator"),
                    check.toString());
            assertEquals(503, Http.get(server.readiness()).statusCode());
            assertEquals(404, Http.get(URI.create(server.url() + "api/integrations/jira-dc/simulator")).statusCode(),
                    "the settings page points to the simulator only in the dev-mode demo");
        }
    }

    @Test
    void aNewcomerSeesTheWholeLoopOnTheSimulatedIssue() {
        int port = Ports.free();
        try (AppServer server = AppServer.start(AppServer.Kind.PAYARA_MICRO, runSettings(port, true), port)) {
            String ready = server.awaitReady(Duration.ofMinutes(5));
            JsonObject check = simulatorCheck(server.readiness())
                    .orElseThrow(() -> new AssertionError("no simulator check: " + ready));
            assertEquals("UP", check.getString("status"), check.toString());
            assertTrue(
                    check.getJsonObject("data").getString("jira-dc.base-url").startsWith("the development simulator"),
                    check.toString());

            try (HeadlessChromium chromium = HeadlessChromium.open(server.url())) {
                chromium.signIn(IDP, "developer", "developer@example.com", List.of(IdentityProvider.ADMIN_GROUP));
                chromium.textContaining("simulator",
                        "This run plays Jira Data Center and OpenHands with the simulator");
                assertEquals(simulator.pageUrl(),
                        chromium.driver.findElement(By.id("simulator-page")).getDomAttribute("href"));

                chromium.visible("choose-automatic").click();
                chromium.visible("admin-pat").sendKeys(JiraAccounts.ADMIN_PAT);
                chromium.visible("install-automatically").click();
                chromium.textContaining("automatic-result", "Installed");

                chromium.visible("connect").click();
                // the simulator's authorize page asks, as Jira's does
                chromium.until(
                        d -> d.getCurrentUrl().startsWith(simulator.jiraUrl() + "/rest/oauth2/latest/authorize"));
                chromium.screenshot("consent", "simulator-jira-authorize");
                chromium.driver.findElement(By.id("allow")).click();
                chromium.textContaining("outcome", "Connected");
                chromium.textContaining("link-status", "Connected to Developer (developer)");

                WebElement key = chromium.visible("api-key");
                key.sendKeys("sim-openhands-key", Keys.ENTER);
                chromium.textContaining("api-key-result", "Saved");
                chromium.screenshot("simulator-settings-ready");

                chromium.driver.get(simulator.pageUrl());
                assertTrue(chromium.driver.findElement(By.id("description")).getText()
                        .contains("Repository: acme/web-app"));
                WebElement comment = chromium.driver.findElement(By.id("comment-body"));
                comment.clear();
                comment.sendKeys("@openhands fix the empty password check");
                chromium.driver.findElement(By.id("comment")).click();
                String onIt = chromium.textContaining("live", "I'm on it in acme/web-app");
                assertTrue(onIt.contains("follow the conversation in OpenHands"), onIt);
                chromium.screenshot("issue", "simulator-on-it");
                String finished = chromium.textContaining("live",
                        "OpenHands finished working in acme/web-app: pull request #");
                assertTrue(finished.contains("Fixed the crash"), finished);
                assertEquals("https://github.com/acme/web-app/pull/42",
                        chromium.driver.findElement(By.linkText("pull request #42"))
                                .getDomAttribute("href"));
                chromium.screenshot("issue", "simulator-finished");
                String deliveries = chromium.driver.findElement(By.id("deliveries")).getText();
                assertTrue(deliveries.contains("comment_created 200") && deliveries.contains("trigger"), deliveries);

                // the bot's conversation link opens the conversation (openhands.web-url), not the service
                chromium.driver.findElement(By.linkText("The whole conversation in OpenHands")).click();
                assertEquals("finished", chromium.visible("status").getText());
                assertTrue(chromium.driver.findElement(By.id("events")).getText().contains("Fixed the crash"));
                chromium.screenshot("conversation", "simulator-conversation");
            }
        }
    }

    private static Optional<JsonObject> simulatorCheck(URI readiness) {
        try {
            var answer = Http.get(readiness);
            if (answer.statusCode() != 200 && answer.statusCode() != 503) {
                return Optional.empty();
            }
            return Http.json(answer).getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                    .filter(check -> check.getString("name").equals("simulator")).findFirst();
        } catch (RuntimeException notListening) {
            return Optional.empty();
        }
    }
}
