package dev.openhands.jiradc.audit.boundary;

import static org.junit.jupiter.api.Assertions.*;

import dev.openhands.jiradc.testing.Eventually;
import dev.openhands.jiradc.testing.Http;
import dev.openhands.jiradc.testing.ServiceUrls;
import dev.openhands.jiradc.testing.TestEnvironment;
import dev.openhands.jiradc.testing.browser.Browser;
import dev.openhands.jiradc.testing.browser.HeadlessChromium;
import dev.openhands.jiradc.testing.identity.IdentityProvider;
import dev.openhands.jiradc.testing.jira.JiraScenario;
import dev.openhands.jiradc.testing.jira.JiraScenario.Issue;
import dev.openhands.jiradc.testing.jira.JiraScenario.Person;
import dev.openhands.jiradc.testing.server.Leaks;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The audit trail on the real WAR: what a started and a refused trigger, a webhook's setup, a link and an unlink and an
 * admin's sign-in leave in it; its filters and pages; its CSV and JSON Lines exports; that only admins read it; and,
 * last, that an export of everything holds none of the secrets the scenarios handed over and no comment's body.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditTrailIT {

    static final TestEnvironment ENV = TestEnvironment.start();
    static final String AUDIT = "/api/integrations/jira-dc/audit";
    /** The comments' bodies the tests delivered: none may be in the trail. */
    static final List<String> BODIES = new CopyOnWriteArrayList<>();

    @ArquillianResource
    URL service;

    JiraScenario world;

    @Deployment(testable = false)
    static WebArchive deployment() {
        JiraScenario.jiraTakesComments(ENV);
        return ENV.deployment().war();
    }

    @AfterAll
    static void stop() {
        try {
            Leaks.assertNotStoredOrLogged(ENV.database, JiraScenario.secretsHandedOut(ENV));
        } finally {
            ENV.stop();
        }
    }

    @BeforeEach
    void anAdminAndAnActiveConnection() {
        world = JiraScenario.on(ENV, service);
    }

    @Test
    @Order(1)
    void aStartedTriggerIsRecordedFromItsDeliveryToItsJob() {
        Person alice = world.person().ready("acme/web-app");
        world.startsConversation(alice, "acme/web-app");
        Issue issue = world.issue("Repository: acme/web-app");
        String commentId = JiraScenario.nextId();
        world.deliver(alice.asks(issue.comment(commentId, said("@openhands please fix the audit-marker-start"))));
        world.commentOn(issue);

        List<JsonObject> records = Eventually.await(() -> Optional.of(records(world.admin, "?issue=" + issue.key))
                .filter(found -> found.size() >= 2), "the trigger and its job to be recorded");
        JsonObject started = records.get(0);
        JsonObject received = records.get(1);
        assertEquals("JOB_STARTED", started.getString("action"));
        assertEquals(alice.name, started.getString("who"));
        assertEquals(issue.key, started.getString("issue"));
        assertEquals("ACME", started.getString("project"));
        assertTrue(started.containsKey("job"), started.toString());
        assertEquals("started in acme/web-app", started.getString("outcome"));
        assertFalse(started.containsKey("source"), "recorded by the service, in no request: " + started);

        assertEquals("TRIGGER_RECEIVED", received.getString("action"));
        assertEquals(alice.name, received.getString("who"));
        assertEquals(world.connection.id(), received.getString("connection"));
        assertEquals("comment_created, comment " + commentId, received.getString("outcome"));
        assertTrue(loopback(received.getString("source")), "the address Jira delivered from: " + received);
        assertTrue(received.getJsonNumber("id").longValue() < started.getJsonNumber("id").longValue());
    }

    @Test
    @Order(2)
    void aRefusedTriggerIsRecordedWithItsReason() {
        Person bob = world.person().signedUp().linked().withApiKey();
        Issue issue = world.issue("No repository is named here.");
        world.deliver(bob.asks(issue.comment(JiraScenario.nextId(), said("@openhands audit-marker-refused"))));
        world.commentOn(issue);

        JsonObject refused = Eventually.await(() -> records(world.admin, "?issue=" + issue.key).stream()
                .filter(record -> record.getString("action").equals("TRIGGER_REFUSED")).findFirst(),
                "the refusal to be recorded");
        assertEquals(bob.name, refused.getString("who"));
        assertEquals("NO_REPOSITORY", refused.getString("reason"));
        assertEquals("no repository named", refused.getString("outcome"));
        assertEquals(List.of("TRIGGER_REFUSED", "TRIGGER_RECEIVED"),
                actions(records(world.admin, "?issue=" + issue.key)));
    }

    @Test
    @Order(3)
    void webhookSetupLinksAndAdminSignInsAreRecorded() {
        Browser admin = world.admin;
        String connection = world.connection.id();
        List<JsonObject> ofAdmin = records(admin, "?person=admin@example.com&limit=500");
        List<String> ofConnection = ofAdmin.stream().filter(r -> connection.equals(r.getString("connection", "")))
                .map(r -> r.getString("action")).toList();
        assertEquals(List.of("WEBHOOK_ACTIVATED", "WEBHOOK_INSTALLED"), ofConnection);
        assertTrue(ofAdmin.stream().anyMatch(r -> r.getString("action").equals("ADMIN_SIGNED_IN")), ofAdmin.toString());
        assertTrue(ofAdmin.stream().allMatch(r -> loopback(r.getString("source"))), ofAdmin.toString());

        var rotated = admin.postJson("/api/integrations/jira-dc/connections/" + connection + "/rotate-secret", "{}");
        assertEquals(200, rotated.statusCode(), rotated.body());
        JsonObject rotation = records(admin, "?person=admin@example.com&limit=1").get(0);
        assertEquals("WEBHOOK_SECRET_ROTATED", rotation.getString("action"));
        assertEquals(connection, rotation.getString("connection"));

        Person carol = world.person().signedUp().linked();
        assertEquals(200, carol.browser.delete("/api/integrations/jira-dc/link").statusCode());
        assertEquals(List.of("ACCOUNT_UNLINKED", "ACCOUNT_LINKED"), actions(records(admin, "?person=" + carol.name)));
        assertEquals(List.of(), records(admin, "?person=" + carol.email), "a sign-in outside the admin group is not"
                + " an admin's");
    }

    @Test
    @Order(4)
    void theFiltersAndPagesSelectWhatTheySay() {
        Person dave = world.person().signedUp().linked().withApiKey();
        Issue first = world.issue("No repository.");
        Issue second = world.issue("No repository either.");
        world.deliver(dave.asks(first.comment(JiraScenario.nextId(), said("@openhands audit-marker-first"))));
        world.deliver(dave.asks(second.comment(JiraScenario.nextId(), said("@openhands audit-marker-second"))));
        List<JsonObject> all = Eventually.await(() -> Optional.of(records(world.admin, "?person=" + dave.name))
                .filter(found -> found.size() == 5), "both triggers and their refusals, and the link");

        assertEquals(2, records(world.admin, "?person=" + dave.name + "&issue=" + second.key.toLowerCase()).size());
        assertEquals(List.of(), records(world.admin, "?person=" + dave.name + "&project=OTHER"));
        assertEquals(4, records(world.admin, "?person=" + dave.name + "&project=ACME").size());
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        assertEquals(5, records(world.admin, "?person=" + dave.name + "&from=" + today + "&to=" + today).size());
        assertEquals(List.of(), records(world.admin, "?person=" + dave.name + "&from=" + tomorrow));
        assertEquals(List.of(), records(world.admin, "?person=" + dave.name + "&to=" + today + "T00:00:00Z"));

        List<JsonObject> paged = new ArrayList<>();
        String before = "";
        for (int page = 0; page < 3; page++) {
            JsonObject answer = Http.json(world.admin.get(AUDIT + "?person=" + dave.name + "&limit=2" + before));
            answer.getJsonArray("records").forEach(record -> paged.add(record.asJsonObject()));
            before = answer.containsKey("nextBefore") ? "&before=" + answer.getJsonNumber("nextBefore") : "";
        }
        assertEquals(all, paged, "three pages of two, newest first, are the five records");
        assertEquals("", before, "the last page says there is none after it");

        for (String wrong : List.of("?from=yesterday", "?to=2026-13-01", "?limit=0", "?limit=many", "?before=x")) {
            HttpResponse<String> refused = world.admin.get(AUDIT + wrong);
            assertEquals(400, refused.statusCode(), wrong);
            assertTrue(refused.body().contains("must be"), refused.body());
            assertFalse(refused.body().contains("Exception"), refused.body());
        }
        assertEquals(400, world.admin.get(AUDIT + "/export?format=xlsx").statusCode());
    }

    @Test
    @Order(5)
    void theExportsAreCsvAndJsonLinesOfTheFilteredRecords() {
        // a Jira user name a spreadsheet would take for a formula
        String name = "=SUM(1+2)";
        Issue issue = world.issue("Repository: acme/web-app");
        String commentId = JiraScenario.nextId();
        world.deliver(issue.comment(commentId, said("@openhands audit-marker-export"))
                .actor(name, "JIRAUSER-formula", "formula@example.com", "Formula"));
        Eventually.await(() -> Optional.of(records(world.admin, "?issue=" + issue.key)).filter(r -> r.size() == 2),
                "the trigger and its refusal (no account)");

        HttpResponse<String> csv = world.admin.get(AUDIT + "/export?format=csv&issue=" + issue.key);
        assertEquals(200, csv.statusCode(), csv.body());
        assertEquals("text/csv;charset=UTF-8", csv.headers().firstValue("Content-Type").orElseThrow()
                .replace(" ", ""));
        assertEquals("attachment; filename=\"audit-trail.csv\"",
                csv.headers().firstValue("Content-Disposition").orElseThrow());
        String[] lines = csv.body().split("\r\n");
        assertEquals(3, lines.length, csv.body());
        assertEquals("id,at,who,action,reason,issue,project,connection,job,link,source,outcome", lines[0]);
        assertTrue(lines[1].contains(",\"'=SUM(1+2)\",\"TRIGGER_REFUSED\","
                + "\"NO_ACCOUNT\",\"" + issue.key + "\",\"ACME\","), lines[1]);
        assertTrue(lines[2].contains(",\"TRIGGER_RECEIVED\",,\"" + issue.key + "\",\"ACME\",\""
                + world.connection.id() + "\",,,\""), lines[2]);
        assertTrue(lines[2].endsWith(",\"comment_created, comment " + commentId + "\""), lines[2]);

        HttpResponse<String> jsonl = world.admin.get(AUDIT + "/export?format=jsonl&issue=" + issue.key);
        assertEquals(200, jsonl.statusCode(), jsonl.body());
        assertTrue(jsonl.headers().firstValue("Content-Type").orElseThrow().startsWith("application/jsonl"));
        List<JsonObject> exported = Arrays.stream(jsonl.body().split("\n"))
                .map(line -> Json.createReader(new StringReader(line)).readObject()).toList();
        assertEquals(records(world.admin, "?issue=" + issue.key), exported, "the same records as the page");
        assertEquals(name, exported.get(0).getString("who"), "JSON needs no guard: the name as it is");
    }

    @Test
    @Order(6)
    void onlyAdminsReadOrExportIt() {
        for (String path : List.of(AUDIT, AUDIT + "/export?format=csv", AUDIT + "/export?format=jsonl")) {
            assertEquals(401, Http.get(ServiceUrls.local(service, path)).statusCode(), path);
            Browser someone = ENV.signIn(service, "sub-" + JiraScenario.nextId(), "someone@example.com", List.of());
            HttpResponse<String> forbidden = someone.get(path);
            assertEquals(403, forbidden.statusCode(), path);
            assertFalse(forbidden.body().contains("TRIGGER"), forbidden.body());
        }
    }

    /**
     * The settings page's section, in a real browser: it lists records, a filter on the issue narrows the table to
     * that issue's, and the export links carry the same filters.
     */
    @Test
    @Order(7)
    void anAdminReadsFiltersAndExportsTheTrailOnTheSettingsPage() {
        Person erin = world.person().signedUp().linked().withApiKey();
        Issue wanted = world.issue("No repository.");
        Issue other = world.issue("No repository here either.");
        world.deliver(erin.asks(wanted.comment(JiraScenario.nextId(), said("@openhands audit-marker-page"))));
        world.deliver(erin.asks(other.comment(JiraScenario.nextId(), said("@openhands audit-marker-page-other"))));
        Eventually.await(() -> Optional.of(records(world.admin, "?person=" + erin.name))
                .filter(found -> found.size() == 5), "both triggers and their refusals, and the link");

        String id = JiraScenario.nextId();
        try (HeadlessChromium chromium = HeadlessChromium.open(service)) {
            chromium.signIn(ENV.idp, "admin-" + id, "admin-" + id + "@example.com",
                    List.of(IdentityProvider.ADMIN_GROUP));
            chromium.visible("audit");
            List<String> unfiltered = chromium.until(d -> Optional.of(issueCells(d)).filter(cells -> cells
                    .contains(wanted.key) && cells.contains(other.key)).orElse(null));
            assertTrue(unfiltered.size() > 5, "the newest records of every kind: " + unfiltered);

            chromium.visible("audit-issue").sendKeys(wanted.key);
            chromium.visible("audit-apply").click();
            assertEquals(List.of(wanted.key, wanted.key), chromium.until(d -> Optional.of(issueCells(d))
                    .filter(cells -> !cells.contains(other.key) && cells.size() == 2).orElse(null)));
            assertEquals(List.of("TRIGGER_REFUSED (NO_REPOSITORY)", "TRIGGER_RECEIVED"), chromium.driver
                    .findElements(By.cssSelector("#audit-records tbody tr td:nth-child(3)")).stream()
                    .map(WebElement::getText).toList());
            assertEquals(List.of(erin.name, erin.name), chromium.driver
                    .findElements(By.cssSelector("#audit-records tbody tr td:nth-child(2)")).stream()
                    .map(WebElement::getText).toList());
            chromium.screenshot("audit", "admin-audit-trail");

            for (String format : List.of("csv", "jsonl")) {
                String href = chromium.visible("audit-export-" + format).getDomAttribute("href");
                assertEquals(AUDIT + "/export?issue=" + wanted.key + "&format=" + format, href);
                HttpResponse<String> exported = world.admin.get(href);
                assertEquals(200, exported.statusCode(), exported.body());
                assertEquals(format.equals("csv") ? 3 : 2,
                        exported.body().split(format.equals("csv") ? "\r\n" : "\n").length,
                        "the two records the table shows: " + exported.body());
                assertFalse(exported.body().contains(other.key), exported.body());
            }

            chromium.visible("audit-issue").clear();
            chromium.visible("audit-person").sendKeys(erin.name);
            chromium.visible("audit-project").sendKeys("OTHER");
            chromium.visible("audit-apply").click();
            chromium.textContaining("audit-status", "No record matches.");
            assertEquals(AUDIT + "/export?person=" + erin.name + "&project=OTHER&format=csv",
                    chromium.visible("audit-export-csv").getDomAttribute("href"));
        }
        try (HeadlessChromium chromium = HeadlessChromium.open(service)) {
            chromium.signIn(ENV.idp, "dev-" + id, "dev-" + id + "@example.com", List.of());
            chromium.visible("api-key-form");
            assertFalse(chromium.driver.findElement(By.id("audit")).isDisplayed(), "admins only");
        }
    }

    /** The "Issue or object" column of the table as the page shows it now, up to the connection or job it names. */
    static List<String> issueCells(WebDriver page) {
        return page.findElements(By.cssSelector("#audit-records tbody tr td:nth-child(4)")).stream()
                .map(cell -> cell.getText().split(",")[0]).toList();
    }

    /** Last: an export of everything the tests above recorded. */
    @Test
    @Order(99)
    void anExportOfEverythingHoldsNoSecretAndNoCommentBody() {
        Browser admin = ENV.signIn(service, "admin-scan", "admin@example.com", List.of(IdentityProvider.ADMIN_GROUP));
        String csv = admin.get(AUDIT + "/export?format=csv").body();
        String jsonl = admin.get(AUDIT + "/export?format=jsonl").body();
        assertTrue(csv.split("\r\n").length > 20, csv);
        assertEquals(csv.split("\r\n").length - 1, jsonl.split("\n").length, "the same records in both");
        List<String> found = new ArrayList<>();
        for (String secret : JiraScenario.secretsHandedOut(ENV)) {
            if (csv.contains(secret) || jsonl.contains(secret)) {
                found.add("a secret handed over (" + secret.length() + " characters)");
            }
        }
        for (String body : BODIES) {
            if (csv.contains(body) || jsonl.contains(body)) {
                found.add("the comment body " + body);
            }
        }
        assertTrue(BODIES.size() >= 5 && JiraScenario.secretsHandedOut(ENV).length > 5);
        assertEquals(List.of(), found, "in the audit trail's export");
        assertFalse(csv.contains("audit-marker") || jsonl.contains("audit-marker"), "no part of a comment's body");
    }

    static String said(String body) {
        BODIES.add(body);
        return body;
    }

    static List<JsonObject> records(Browser admin, String query) {
        HttpResponse<String> page = admin.get(AUDIT + query);
        assertEquals(200, page.statusCode(), page.body());
        return Http.json(page).getJsonArray("records").stream().map(record -> record.asJsonObject()).toList();
    }

    static boolean loopback(String address) {
        try {
            return java.net.InetAddress.getByName(address).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    static List<String> actions(List<JsonObject> records) {
        return records.stream().map(record -> record.getString("action")).toList();
    }
}
