package dev.openhands.jiradc.jobs.boundary;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.openhands.jiradc.testing.Eventually;
import dev.openhands.jiradc.testing.Http;
import dev.openhands.jiradc.testing.TestEnvironment;
import dev.openhands.jiradc.testing.browser.HeadlessChromium;
import dev.openhands.jiradc.testing.identity.IdentityProvider;
import dev.openhands.jiradc.testing.jira.JiraScenario;
import dev.openhands.jiradc.testing.jira.JiraScenario.Issue;
import dev.openhands.jiradc.testing.jira.JiraScenario.Person;
import dev.openhands.jiradc.testing.openhands.OpenHandsConversations;
import dev.openhands.jiradc.testing.server.Leaks;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The limits an admin sets on jobs, over real HTTP with WireMock playing Jira and OpenHands: a trigger past a limit
 * waits (and starts by itself when a slot frees) or is refused, each with its exact comment; an admin sees what runs
 * and waits and stops a job; nobody else can.
 */
@ExtendWith(ArquillianExtension.class)
class LimitsIT {

    static final TestEnvironment ENV = TestEnvironment.start();
    static final String APP = ENV.openHandsUrl();
    static final String REPOSITORY = "acme/web-app";
    static final String LIMITS = "/api/integrations/jira-dc/limits";
    static final String ACTIVE = "/api/integrations/jira-dc/jobs/active";

    @ArquillianResource
    URL service;

    JiraScenario world;
    OpenHandsConversations openHands = new OpenHandsConversations(ENV.openHands, REPOSITORY);

    @Deployment(testable = false)
    static WebArchive deployment() {
        JiraScenario.jiraTakesComments(ENV);
        return ENV.deployment().with("jira-dc.jobs.poll-interval", "PT0.2S")
                .with("jira-dc.jobs.max-poll-interval", "PT0.4S").with("jira-dc.jobs.link-wait", "PT1S").war();
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
    void anActiveConnection() {
        world = JiraScenario.on(ENV, service);
    }

    /** Each test leaves no limit behind, and no job running (each ends the jobs it started). */
    @AfterEach
    void noLimits() {
        limits("{}");
        Eventually.await(() -> Optional.of(Http.json(world.admin.get(ACTIVE))).filter(
                active -> active.getInt("running") == 0 && active.getInt("queued") == 0),
                "no job running or waiting after the test");
    }

    List<JsonObject> audit(String filters) {
        return Http.json(world.admin.get("/api/integrations/jira-dc/audit" + filters)).getJsonArray("records")
                .getValuesAs(JsonObject.class);
    }

    void limits(String json) {
        var set = world.admin.putJson(LIMITS, json);
        assertEquals(200, set.statusCode(), set.body());
    }

    /** A job of the person's on the issue, whose conversation runs until {@link #finishes}. */
    record RunningJob(Person person, Issue issue, String conversation) {
    }

    RunningJob asks(Person person) {
        Issue issue = world.issue("Repository: " + REPOSITORY);
        String conversation = OpenHandsConversations.id("conv-" + issue.key);
        openHands.startTaskOnIssueIs(person.apiKey, issue.key, OpenHandsConversations.id("task-" + issue.key),
                conversation);
        openHands.conversationIs(person.apiKey, conversation, "running", "RUNNING");
        openHands.eventsAre(person.apiKey, conversation, OpenHandsConversations.observation("e1"));
        world.deliver(person.asks(issue.comment(JiraScenario.nextId(), "@openhands please fix the login")));
        return new RunningJob(person, issue, conversation);
    }

    RunningJob starts(Person person) {
        RunningJob job = asks(person);
        assertEquals(onIt(job), world.commentOn(job.issue));
        return job;
    }

    static String onIt(RunningJob job) {
        return "[~" + job.person.name + "] I'm on it in " + REPOSITORY + " (named in the issue's description): [follow"
                + " the conversation in OpenHands|" + APP + "/conversations/" + job.conversation + "].";
    }

    void finishes(RunningJob job) {
        finishes(job, 2);
    }

    /** @param comments how many comments the bot has said on the issue once it says the end */
    void finishes(RunningJob job, int comments) {
        openHands.eventsAre(job.person.apiKey, job.conversation, OpenHandsConversations.finish("e2", "Done."));
        openHands.conversationIs(job.person.apiKey, job.conversation, "finished", "RUNNING");
        String end = world.commentsOn(job.issue, comments).get(comments - 1);
        assertTrue(end.contains("OpenHands finished working in " + REPOSITORY), end);
    }

    int conversationsStartedBy(Person person) {
        return ENV.openHands.findAll(postRequestedFor(urlEqualTo("/api/v1/app-conversations"))
                .withHeader("Authorization", equalTo("Bearer " + person.apiKey))).size();
    }

    @Test
    void pastThePerPersonLimitATriggerWaitsAndStartsByItselfWhenTheFirstJobEnds() {
        limits("{\"perPerson\":1,\"pastLimit\":\"queue\"}");
        Person alice = world.person().ready(REPOSITORY);
        RunningJob first = starts(alice);
        RunningJob second = asks(alice);

        assertEquals("[~" + alice.name + "] 1 of your jobs is running, the most allowed per person is 1; I'll start"
                + " this one when one of them ends.", world.commentOn(second.issue));
        Eventually.pause(1000);
        assertEquals(1, conversationsStartedBy(alice), "the second waits: OpenHands is not asked");
        JsonObject active = Http.json(world.admin.get(ACTIVE));
        assertEquals(1, active.getInt("running"));
        assertEquals(1, active.getInt("queued"));
        assertEquals("[{\"name\":\"" + alice.name + "\",\"running\":1,\"queued\":1}]",
                active.getJsonArray("perPerson").toString());

        finishes(first);
        assertEquals(onIt(second), world.commentsOn(second.issue, 2).get(1), "the waiting job starts by itself");
        assertEquals(2, conversationsStartedBy(alice));
        finishes(second, 3);
    }

    @Test
    void inRefuseModeATriggerPastTheLimitIsRefusedWithTheNextStep() {
        limits("{\"perPerson\":1,\"pastLimit\":\"refuse\"}");
        Person alice = world.person().ready(REPOSITORY);
        RunningJob first = starts(alice);
        RunningJob second = asks(alice);

        assertEquals("[~" + alice.name + "] 1 of your jobs is running, the most allowed per person is 1. I did not"
                + " start this one: ask again by commenting @openhands when one of them has ended, or ask your Jira"
                + " administrator to raise the limit.", world.commentOn(second.issue));
        finishes(first);
        Eventually.pause(1500);
        assertEquals(1, world.commentCount(second.issue), "a refused trigger is not started later");
        assertEquals(1, conversationsStartedBy(alice));
    }

    @Test
    void thePerIssuePerDayLimitRefusesAnotherJobOnTheSameIssue() {
        limits("{\"perIssuePerDay\":1}");
        Person alice = world.person().ready(REPOSITORY);
        Person bob = world.person().ready(REPOSITORY);
        RunningJob first = starts(alice);
        world.deliver(bob.asks(first.issue.comment(JiraScenario.nextId(), "@openhands try again")));

        assertEquals("[~" + bob.name + "] 1 job was asked for on this issue in the last 24 hours, the most allowed"
                + " per issue per day is 1. I did not start this one: ask again tomorrow by commenting @openhands, or"
                + " ask your Jira administrator to raise the limit.", world.commentsOn(first.issue, 2).get(1));
        assertEquals(0, conversationsStartedBy(bob));
        openHands.eventsAre(alice.apiKey, first.conversation, OpenHandsConversations.finish("e2", "Done."));
        openHands.conversationIs(alice.apiKey, first.conversation, "finished", "RUNNING");
        world.commentsOn(first.issue, 3);
    }

    @Test
    void theInstallationLimitQueuesAcrossPeople() {
        limits("{\"installation\":1}");
        Person alice = world.person().ready(REPOSITORY);
        Person bob = world.person().ready(REPOSITORY);
        RunningJob first = starts(alice);
        RunningJob second = asks(bob);

        assertEquals("[~" + bob.name + "] 1 job is running in this Jira, the most allowed at once in this Jira is 1;"
                + " I'll start this one when one of them ends.", world.commentOn(second.issue));
        finishes(first);
        assertEquals(onIt(second), world.commentsOn(second.issue, 2).get(1));
        finishes(second, 3);
    }

    @Test
    void anAdminStopsARunningJobTheIssueIsToldAndTheWaitingOneStarts() {
        limits("{\"perPerson\":1}");
        Person alice = world.person().ready(REPOSITORY);
        RunningJob first = starts(alice);
        RunningJob second = asks(alice);
        world.commentOn(second.issue);
        openHands.conversationCanBeDeleted(alice.apiKey, first.conversation);
        String jobId = Http.json(world.admin.get(ACTIVE)).getJsonArray("jobs").getValuesAs(JsonObject.class).stream()
                .filter(job -> job.getString("issueKey").equals(first.issue.key)).findFirst().orElseThrow()
                .getString("id");

        var stopped = world.admin.postJson("/api/integrations/jira-dc/jobs/" + jobId + "/stop", "");
        assertEquals(200, stopped.statusCode(), stopped.body());
        assertEquals("{\"id\":\"" + jobId + "\",\"status\":\"stopped\",\"issueKey\":\"" + first.issue.key
                + "\",\"conversationDeleted\":true,\"issueTold\":true}", stopped.body());
        assertEquals(1, openHands.deletions(alice.apiKey, first.conversation), "deleted with the owner's key");
        assertEquals("[~" + alice.name + "] This job in " + REPOSITORY + " was stopped by an administrator; its"
                + " conversation in OpenHands was stopped and deleted. If the work is still needed, ask again by"
                + " commenting @openhands, or ask your Jira administrator why it was stopped.",
                world.commentsOn(first.issue, 2).get(1));
        assertEquals(onIt(second), world.commentsOn(second.issue, 2).get(1), "the waiting job starts");
        String admin = Http.json(world.admin.get("/api/integrations/jira-dc/account")).getString("email");
        List<JsonObject> ofFirst = audit("?issue=" + first.issue.key);
        assertEquals(List.of("JOB_ENDED", "JOB_STOPPED_BY_ADMIN", "JOB_STARTED", "TRIGGER_RECEIVED"),
                ofFirst.stream().map(r -> r.getString("action")).toList());
        assertEquals(admin, ofFirst.get(1).getString("who"), "the stop is the admin's, in the audit trail");
        assertEquals(List.of("JOB_STARTED", "TRIGGER_QUEUED", "TRIGGER_RECEIVED"),
                audit("?issue=" + second.issue.key).stream().map(r -> r.getString("action")).toList());
        JsonObject change = audit("?person=" + admin).stream()
                .filter(r -> r.getString("action").equals("LIMITS_CHANGED")).findFirst().orElseThrow();
        assertEquals("per person 1, per project none, installation none, per issue per day none; past a limit: queue",
                change.getString("outcome"));
        var again = world.admin.postJson("/api/integrations/jira-dc/jobs/" + jobId + "/stop", "");
        assertEquals(409, again.statusCode(), again.body());
        assertEquals("This job is not running: it ended as STOPPED.", Http.json(again).getString("error"));
        Eventually.pause(1000);
        assertEquals(2, world.commentCount(first.issue), "the follower says nothing more of a stopped job");
        finishes(second, 3);
    }

    /** ATTACK: a signed-in person who is not an admin reads nothing and stops nothing, not even their own job. */
    @Test
    void aPersonWhoIsNotAnAdminCannotReadTheLimitsOrStopAnotherPersonsJob() {
        Person alice = world.person().ready(REPOSITORY);
        Person mallory = world.person().ready(REPOSITORY);
        RunningJob job = starts(alice);
        openHands.conversationCanBeDeleted(alice.apiKey, job.conversation);
        String jobId = Http.json(world.admin.get(ACTIVE)).getJsonArray("jobs").getJsonObject(0).getString("id");

        assertEquals(403, mallory.browser.get(LIMITS).statusCode());
        assertEquals(403, mallory.browser.get(ACTIVE).statusCode());
        assertEquals(403, mallory.browser.putJson(LIMITS, "{\"perPerson\":100}").statusCode());
        var stop = mallory.browser.postJson("/api/integrations/jira-dc/jobs/" + jobId + "/stop", "");
        assertEquals(403, stop.statusCode(), stop.body());
        assertEquals(403, alice.browser.postJson("/api/integrations/jira-dc/jobs/" + jobId + "/stop", "").statusCode());
        assertEquals(0, openHands.deletions(alice.apiKey, job.conversation));
        assertEquals(1, Http.json(world.admin.get(ACTIVE)).getInt("running"));
        finishes(job);
    }

    /** The settings page's admin section, in a real browser: set a limit, see what runs and waits, stop a job. */
    @Test
    void anAdminSetsALimitSeesWhatRunsAndWaitsAndStopsAJobOnTheSettingsPage() {
        Person alice = world.person().ready(REPOSITORY);
        try (HeadlessChromium chromium = HeadlessChromium.open(service)) {
            chromium.signIn(ENV.idp, "admin-" + alice.id, "admin-" + alice.id + "@example.com",
                    List.of(IdentityProvider.ADMIN_GROUP));
            chromium.visible("limits");
            chromium.visible("limit-per-person").sendKeys("1");
            chromium.driver.findElement(By.cssSelector("#limits-form button[type=submit]")).click();
            chromium.textContaining("limits-result", "Saved");
            assertEquals(1, Http.json(world.admin.get(LIMITS)).getInt("perPerson"));

            RunningJob first = starts(alice);
            RunningJob second = asks(alice);
            world.commentOn(second.issue);
            chromium.visible("refresh-active").click();
            chromium.textContaining("active-summary", "1 running, 1 waiting.");
            assertEquals(List.of(first.issue.key, second.issue.key), chromium.script(
                    "return Array.from(document.querySelectorAll('#active-jobs tbody tr'))"
                            + ".map(r => r.cells[0].textContent);"));
            chromium.screenshot("limits", "admin-running-jobs-and-limits");

            openHands.conversationCanBeDeleted(alice.apiKey, first.conversation);
            chromium.driver.findElement(By.cssSelector("#active-jobs tbody tr:first-child button")).click();
            chromium.driver.switchTo().alert().accept();
            chromium.textContaining("active-result", "Stopped the job on " + first.issue.key + "; the issue was told.");
            assertEquals(1, openHands.deletions(alice.apiKey, first.conversation));
            assertEquals(onIt(second), world.commentsOn(second.issue, 2).get(1), "the waiting job starts");
            finishes(second, 3);
        }
    }

    @Test
    void limitsAreCheckedAndSaidBackInWords() {
        var wrong = world.admin.putJson(LIMITS, "{\"perPerson\":0}");
        assertEquals(400, wrong.statusCode());
        assertEquals("'perPerson' is a whole number from 1 to 100000, or null for no limit; it was 0.",
                Http.json(wrong).getString("error"));
        var mode = world.admin.putJson(LIMITS, "{\"pastLimit\":\"wait\"}");
        assertEquals(400, mode.statusCode());
        var words = world.admin.putJson(LIMITS, "{\"perPerson\":\"two\"}");
        assertEquals(400, words.statusCode(), words.body());
        System.out.println("A limit in words is answered: " + words.body());
        assertFalse(words.body().contains("Exception") || words.body().contains("at org."), words.body());
        JsonObject before = Http.json(world.admin.get(LIMITS));
        for (String notAnObject : List.of("{\"perPerson\":", "[{\"perPerson\":2}]", "2", "\"queue\"", "")) {
            var refused = world.admin.putJson(LIMITS, notAnObject);
            assertEquals(400, refused.statusCode(), notAnObject + " -> " + refused.body());
            assertEquals("Send the limits as a JSON object, such as {\"perPerson\": 2, \"pastLimit\": \"queue\"}.",
                    Http.json(refused).getString("error"), notAnObject);
        }
        assertEquals(before, Http.json(world.admin.get(LIMITS)), "nothing was changed");
        limits("{\"perPerson\":3,\"perProject\":10,\"installation\":50,\"perIssuePerDay\":5,\"pastLimit\":\"refuse\"}");
        JsonObject set = Http.json(world.admin.get(LIMITS));
        assertEquals(List.of(3, 10, 50, 5), List.of(set.getInt("perPerson"), set.getInt("perProject"),
                set.getInt("installation"), set.getInt("perIssuePerDay")));
        assertEquals("refuse", set.getString("pastLimit"));
        assertEquals("admin@example.com", set.getString("updatedBy"));
    }
}
