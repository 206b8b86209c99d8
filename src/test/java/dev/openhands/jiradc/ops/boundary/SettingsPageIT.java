package dev.openhands.jiradc.ops.boundary;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.*;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.openhands.jiradc.testing.ActiveConnection;
import dev.openhands.jiradc.testing.ServiceUrls;
import dev.openhands.jiradc.testing.TestEnvironment;
import dev.openhands.jiradc.testing.TestSettings;
import dev.openhands.jiradc.testing.browser.HeadlessChromium;
import dev.openhands.jiradc.testing.identity.IdentityProvider;
import dev.openhands.jiradc.testing.jira.JiraEvent;
import dev.openhands.jiradc.testing.jira.JiraStubs;
import dev.openhands.jiradc.testing.openhands.OpenHandsUsers;
import dev.openhands.jiradc.testing.server.Leaks;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The settings page in a real headless chromium, against the real WAR, database and OpenID provider,
 * with WireMock playing Jira (including its OAuth authorize page) and OpenHands: a person connecting
 * Jira and managing their API key, an admin setting the webhook up by hand and troubleshooting.
 */
@ExtendWith(ArquillianExtension.class)
class SettingsPageIT {

    static final TestEnvironment ENV = TestEnvironment.start();
    static final WireMockServer JIRA = ENV.jira;
    static final WireMockServer OPENHANDS = ENV.openHands;
    static final String CALLBACK = ENV.openHandsUrl() + "/integration/jira-dc/callback";
    static final List<String> SECRETS_SEEN = new ArrayList<>();

    @ArquillianResource
    URL service;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ENV.deployment().war();
    }

    @AfterAll
    static void noSecretStoredOrLogged() {
        try {
            Leaks.assertNotStoredOrLogged(ENV.database, SECRETS_SEEN.toArray(String[]::new));
            Leaks.assertNotStoredOrLogged(ENV.database, ENV.settings.secretValues());
        } finally {
            ENV.stop();
        }
    }

    /**
     * Jira's authorize page, granting at once: it checks what the service sent and returns the browser to the
     * callback with a code and the state. The registered redirect URL is the app URL's (here the OpenHands mock);
     * the browser reaches this service on loopback, so Jira "returns" there, as a front proxy would route it.
     */
    void jiraGrantsAccess(String code) {
        JIRA.stubFor(get(urlPathEqualTo("/rest/oauth2/latest/authorize"))
                .withQueryParam("client_id", equalTo(ENV.settings.oauthClientId))
                .withQueryParam("redirect_uri", equalTo(CALLBACK))
                .withQueryParam("response_type", equalTo("code"))
                .withQueryParam("scope", equalTo("WRITE"))
                .withQueryParam("code_challenge_method", equalTo("S256"))
                .willReturn(aResponse().withStatus(302).withTransformers("response-template")
                        .withHeader("Location",
                                ServiceUrls.local(service, "/integration/jira-dc/callback") + "?code=" + code
                                        + "&state={{request.query.state}}")));
    }

    @Test
    void aPersonConnectsJiraWithOAuthAndSeesConnected() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String email = "p-" + id + "@example.com";
        String jiraName = "jira-" + id;
        String code = "code-" + id;
        String access = "access-" + UUID.randomUUID();
        String refresh = "refresh-" + UUID.randomUUID();
        SECRETS_SEEN.addAll(List.of(access, refresh));
        jiraGrantsAccess(code);
        JiraStubs.code(JIRA, code, JiraStubs.tokens(access, refresh, 3600));
        JiraStubs.myself(JIRA, access,
                JiraStubs.user(ENV.jiraUrl(), jiraName, "JIRAUSER" + Math.abs(id.hashCode()), email,
                        "Person " + id));

        try (HeadlessChromium chromium = HeadlessChromium.open(service)) {
            chromium.signIn(ENV.idp, "sub-" + id, email, List.of());
            chromium.textContaining("link-status", "Not connected");
            assertTrue(chromium.textContaining("link-method", "OAuth").contains("OAuth 2.0"));
            assertFalse(chromium.driver.findElement(By.id("webhook-setup")).isDisplayed(),
                    "webhook setup is for admins only");
            assertFalse(chromium.driver.findElement(By.id("troubleshooting")).isDisplayed(),
                    "troubleshooting is for admins only");
            chromium.textContaining("signed-in-as", email);
            chromium.screenshot("person-not-connected");

            chromium.visible("connect").click();
            // Jira's authorize page sent the browser to the callback, which ends here with the outcome
            assertEquals("Connected: your Jira account is linked.", chromium.textContaining("outcome", "Connected"));
            assertEquals("connected", chromium.driver.findElement(By.id("outcome")).getDomAttribute("data-outcome"));
            String status = chromium.textContaining("link-status", "Connected to Person " + id + " (" + jiraName + ")");
            assertFalse(status.contains("Not connected"), status);
            assertEquals("connected",
                    chromium.until(d -> d.findElement(By.id("last-attempt")).getDomAttribute("data-outcome")));
            assertTrue(chromium.driver.getCurrentUrl().endsWith("/settings/integrations"),
                    "the outcome is taken out of the address");
            assertFalse(chromium.driver.findElement(By.id("connect")).isDisplayed(), "no Connect once connected");
            chromium.screenshot("person-connected");

            // the API key: refused, then accepted; typed and submitted with the keyboard alone
            String wrongKey = "wrong-" + UUID.randomUUID();
            String goodKey = "key-" + UUID.randomUUID();
            SECRETS_SEEN.addAll(List.of(wrongKey, goodKey));
            OpenHandsUsers.keyRefused(OPENHANDS, wrongKey);
            OpenHandsUsers.keyBelongsTo(OPENHANDS, goodKey, email);
            chromium.textContaining("api-key-status", "Not set");
            WebElement keyField = chromium.visible("api-key");
            keyField.sendKeys(wrongKey, Keys.ENTER);
            chromium.textContaining("api-key-result", "OpenHands did not accept this API key");
            assertEquals("result error", chromium.driver.findElement(By.id("api-key-result")).getDomAttribute("class"));
            assertEquals("", keyField.getDomProperty("value"), "the field is emptied after sending");
            keyField.sendKeys(goodKey, Keys.ENTER);
            chromium.textContaining("api-key-result", "Saved");
            assertEquals("set",
                    chromium.until(
                            d -> "set".equals(d.findElement(By.id("api-key-status")).getDomAttribute("data-state"))
                                    ? "set" : null));
            assertEquals("Replace key", chromium.driver.findElement(By.id("save-api-key")).getText());
            assertNothingKeptInTheBrowser(chromium, wrongKey, goodKey);
            chromium.screenshot("person-api-key-set");

            chromium.visible("disconnect").click();
            chromium.textContaining("link-result", "Disconnected");
            chromium.textContaining("link-status", "Not connected");
            assertTrue(chromium.visible("connect").isDisplayed());
        }
    }

    @Test
    void anAdminGeneratesManualWebhookDetailsActivatesThemAndTheChecksFollow() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        JIRA.stubFor(get("/rest/api/2/myself").withHeader("Authorization", equalTo("Bearer " + ENV.settings.servicePat))
                .willReturn(okJson(
                        JiraStubs.user(ENV.jiraUrl(), "openhands", "JIRAUSER10000", TestSettings.SERVICE_ACCOUNT_EMAIL,
                                "OpenHands bot"))));
        try (HeadlessChromium chromium = HeadlessChromium.open(service)) {
            chromium.signIn(ENV.idp, "admin-" + id, "admin-" + id + "@example.com",
                    List.of(IdentityProvider.ADMIN_GROUP));
            chromium.visible("webhook-setup");
            chromium.textContaining("checks-status", "Checked at");
            assertEquals("ok", checkStatus(chromium, "service-account"));
            assertTrue(checkText(chromium, "service-account").contains("OpenHands bot (openhands, key JIRAUSER10000)"));
            assertEquals("ok", checkStatus(chromium, "jira-reachable"));
            assertEquals("ok", checkStatus(chromium, "base-url"));
            assertEquals("ok", checkStatus(chromium, "integration"));
            assertTrue(checkText(chromium, "oauth-callback").contains(CALLBACK),
                    "the exact callback URL to register is shown");

            // "Set it up in Jira myself", chosen with the keyboard
            WebElement automatic = chromium.driver.findElement(By.id("choose-automatic"));
            automatic.sendKeys(Keys.ARROW_DOWN);
            assertTrue(chromium.driver.findElement(By.id("choose-manual")).isSelected());
            chromium.visible("generate-manual").click();
            chromium.textContaining("manual-result", "Generated");
            String url = chromium.visible("manual-url").getText();
            String secret = chromium.visible("manual-secret").getText();
            SECRETS_SEEN.add(secret);
            Matcher connection = Pattern.compile(Pattern.quote(ENV.openHandsUrl())
                    + "/integration/jira-dc/connections/([0-9a-f-]{36})/events").matcher(url);
            assertTrue(connection.matches(), url);
            assertTrue(secret.length() >= 32, "a signing secret is shown");
            assertEquals(List.of("jira:issue_created", "jira:issue_updated", "jira:issue_deleted", "comment_created",
                    "comment_updated", "comment_deleted"),
                    chromium.driver.findElements(By.cssSelector("#manual-events li"))
                            .stream().map(WebElement::getText).toList());

            chromium.driver.findElement(By.cssSelector("button[data-copy=manual-secret]")).click();
            chromium.textContaining("copy-result", "Secret copied.");
            assertEquals(secret, chromium.clipboard());
            chromium.driver.findElement(By.cssSelector("button[data-copy=manual-events]")).click();
            chromium.textContaining("copy-result", "Events copied.");
            assertEquals(6, chromium.clipboard().split("\n").length);
            String row = "#connections tr[data-connection='" + connection.group(1) + "']";
            assertEquals("inactive",
                    chromium.until(d -> d.findElement(By.cssSelector(row)).getDomAttribute("data-status")));
            chromium.screenshot("admin-manual-webhook-details");

            chromium.visible("activate-manual").click();
            chromium.textContaining("activate-result", "Active");
            assertEquals("active",
                    chromium.until(
                            d -> "active".equals(d.findElement(By.cssSelector(row)).getDomAttribute("data-status"))
                                    ? "active" : null));
            // active, but Jira has delivered nothing yet
            chromium.until(d -> "unknown".equals(checkStatus(chromium, "webhook")));

            // Jira delivers, signed with the secret the page showed
            var delivered = new ActiveConnection(service, connection.group(1), secret)
                    .deliver(JiraEvent.issueUpdated().issue("20417", "WEB-17")
                            .labels(List.of("bug"), List.of("bug", "frontend"))
                            .bytes(ENV.jiraUrl()));
            assertEquals(200, delivered.statusCode(), delivered.body());
            chromium.until(d -> "ok".equals(runChecks(chromium).get("webhook")) ? true : null);
            assertTrue(checkText(chromium, "webhook").contains("the last delivery arrived at"));
            // the delivery log is written in batches, after the connection's last delivery: a run of the checks may
            // come between
            chromium.until(d -> {
                if (!d.findElements(By.cssSelector("#deliveries tbody tr")).isEmpty()) {
                    return true;
                }
                runChecks(chromium);
                return null;
            });
            assertEquals("jira:issue_updated",
                    chromium.driver.findElement(By.cssSelector("#deliveries tbody tr td:nth-child(2)")).getText());
            assertEquals("WEB-17",
                    chromium.driver.findElement(By.cssSelector("#deliveries tbody tr td:nth-child(3)")).getText());
            // the connections table is refreshed with each run of the checks, which may have read it before the
            // delivery's commit
            chromium.until(d -> {
                if (!d.findElement(By.cssSelector(row + " .last-delivery")).getText().equals("None yet")) {
                    return true;
                }
                runChecks(chromium);
                return null;
            });
            assertEquals("ok", checkStatus(chromium, "signature-failures"));

            // a delivery signed with another secret is refused, and the panel says so with the fix
            var forged = new ActiveConnection(service, connection.group(1), "not-the-secret-" + id)
                    .deliver(JiraEvent.commentCreated().bytes(ENV.jiraUrl()));
            assertEquals(403, forged.statusCode(), forged.body());
            assertEquals("problem", runChecks(chromium).get("signature-failures"));
            String refusals = checkText(chromium, "signature-failures");
            assertTrue(refusals.contains("wrong signature (1, latest at"), refusals);
            assertTrue(refusals.contains("Fix: Confirm that the webhook URL and signing secret in Jira match"),
                    refusals);
            chromium.screenshot("admin-troubleshooting");

            // an admin PAT Jira refuses: the error next to the button, the PAT gone from the page and the browser
            String pat = "admin-pat-" + UUID.randomUUID();
            SECRETS_SEEN.add(pat);
            JIRA.stubFor(get("/rest/jira-webhook/1.0/webhooks").withHeader("Authorization", equalTo("Bearer " + pat))
                    .willReturn(unauthorized().withHeader("X-Seraph-LoginReason", "AUTHENTICATED_FAILED")));
            chromium.driver.findElement(By.id("choose-automatic")).click();
            chromium.visible("admin-pat").sendKeys(pat);
            chromium.visible("install-automatically").click();
            chromium.textContaining("automatic-result", "Jira did not accept this PAT (401)");
            assertEquals("", chromium.driver.findElement(By.id("admin-pat")).getDomProperty("value"));
            assertNothingKeptInTheBrowser(chromium, pat);
            chromium.screenshot("admin-automatic-refused");
            assertEverythingLabelled(chromium);
        }
    }

    /** Clicks "Run the checks again" and waits for the new results; returns each check's status. */
    static Map<String, String> runChecks(HeadlessChromium chromium) {
        String before = chromium.until(d -> d.findElement(By.id("checks")).getDomAttribute("data-run"));
        chromium.until(d -> d.findElement(By.id("run-checks")).isEnabled() ? true : null);
        chromium.driver.findElement(By.id("run-checks")).click();
        chromium.until(d -> before.equals(d.findElement(By.id("checks")).getDomAttribute("data-run")) ? null : true);
        Map<String, String> statuses = new HashMap<>();
        chromium.driver.findElements(By.cssSelector("#checks li"))
                .forEach(li -> statuses.put(li.getDomAttribute("data-check"),
                        li.getDomAttribute("data-status")));
        return statuses;
    }

    static String checkStatus(HeadlessChromium chromium, String check) {
        return chromium.until(
                d -> d.findElements(By.cssSelector("#checks li[data-check='" + check + "']")).stream().findFirst()
                        .map(li -> li.getDomAttribute("data-status")).orElse(null));
    }

    static String checkText(HeadlessChromium chromium, String check) {
        return chromium.driver.findElement(By.cssSelector("#checks li[data-check='" + check + "']")).getText();
    }

    /** Nothing typed into the page stays in the browser: no storage, no cookie, not in the page. */
    static void assertNothingKeptInTheBrowser(HeadlessChromium chromium, String... secrets) {
        assertEquals(0L, chromium.script("return window.localStorage.length + window.sessionStorage.length;"));
        String cookies = (String) chromium.script("return document.cookie;");
        String page = chromium.driver.getPageSource();
        for (String secret : secrets) {
            assertFalse(cookies.contains(secret), "a secret in a cookie");
            assertFalse(page.contains(secret), "a secret left in the page");
        }
    }

    /** Every field has a label, every button a name, and every result is announced. */
    static void assertEverythingLabelled(HeadlessChromium chromium) {
        assertEquals(List.of(), chromium.script("return Array.from(document.querySelectorAll('input'))"
                + ".filter(i => i.labels.length === 0).map(i => i.id);"));
        assertEquals(List.of(), chromium.script("return Array.from(document.querySelectorAll('button, a'))"
                + ".filter(b => !(b.getAttribute('aria-label') || b.textContent.trim())).map(b => b.outerHTML);"));
        assertEquals(List.of(), chromium.script("return Array.from(document.querySelectorAll('.result'))"
                + ".filter(r => r.getAttribute('aria-live') !== 'polite').map(r => r.id || r.outerHTML);"));
    }
}
