package dev.openhands.jiradc.jobs.boundary;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.*;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.openhands.jiradc.testing.Eventually;
import dev.openhands.jiradc.testing.TestEnvironment;
import dev.openhands.jiradc.testing.jira.JiraEvent;
import dev.openhands.jiradc.testing.jira.JiraScenario;
import dev.openhands.jiradc.testing.jira.JiraScenario.Issue;
import dev.openhands.jiradc.testing.jira.JiraScenario.Person;
import dev.openhands.jiradc.testing.openhands.OpenHandsConversations;
import dev.openhands.jiradc.testing.server.ItLogs;
import dev.openhands.jiradc.testing.server.Leaks;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A job followed from the "I'm on it" comment to the report on the issue, over real HTTP with WireMock
 * playing Jira and OpenHands, which moves each conversation from state to state as the test says.
 */
@ExtendWith(ArquillianExtension.class)
class JobsIT {

    static final TestEnvironment ENV = TestEnvironment.start();
    static final String APP = ENV.openHandsUrl();
    static final String REPOSITORY = "acme/web-app";
    static final Duration MAX_POLL_INTERVAL = Duration.ofMillis(400);
    static final Duration LINK_WAIT = Duration.ofSeconds(1);

    @ArquillianResource
    URL service;

    JiraScenario world;
    OpenHandsConversations openHands = new OpenHandsConversations(ENV.openHands, REPOSITORY);

    @Deployment(testable = false)
    static WebArchive deployment() {
        JiraScenario.jiraTakesComments(ENV);
        return ENV.deployment()
                .with("jira-dc.jobs.poll-interval", "PT0.2S")
                .with("jira-dc.jobs.max-poll-interval", MAX_POLL_INTERVAL.toString())
                .with("jira-dc.jobs.stale-after", "PT5S")
                .with("jira-dc.jobs.link-wait", LINK_WAIT.toString())
                .war();
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

    /** A person's job, started on a new issue; its start task stays WORKING until the test moves it on. */
    record StartedJob(Person person, Issue issue, String task, String conversation) {
    }

    StartedJob aJobStarts() {
        return aJobStartsOn(world.issue("Repository: " + REPOSITORY));
    }

    StartedJob aJobStartsOn(Issue issue) {
        Person person = world.person().ready(REPOSITORY);
        StartedJob job = new StartedJob(person, issue, OpenHandsConversations.id("task-" + person.id),
                OpenHandsConversations.id("conv-" + person.id));
        openHands.startTaskIs(person.apiKey, job.task, "WORKING", null, null);
        world.deliver(person.asks(issue.comment(JiraScenario.nextId(), "@openhands please fix the login")));
        assertEquals(
                "[~" + person.name + "] I'm on it in " + REPOSITORY + " (named in the issue's description): [follow the"
                        + " conversation in OpenHands|" + APP + "/conversations].",
                world.commentOn(issue),
                "the conversation is not ready within the link wait");
        return job;
    }

    /** The agent calls its finish tool with these words, and the conversation says it finished. */
    void finishes(StartedJob job, String lastWords) {
        openHands.eventsAre(job.person.apiKey, job.conversation, OpenHandsConversations.finish("e2", lastWords));
        openHands.conversationIs(job.person.apiKey, job.conversation, "finished", "RUNNING");
    }

    /** OpenHands answers this when asked about the job's conversation. */
    static void askedAboutTheConversation(StartedJob job, ResponseDefinitionBuilder answer) {
        ENV.openHands.stubFor(
                get(urlPathEqualTo("/api/v1/app-conversations")).withQueryParam("ids", equalTo(job.conversation))
                        .willReturn(answer));
    }

    /** The service looked at the job's conversation {@code times} more times: it had every chance to say more. */
    void lookedAtAgain(StartedJob job, int times) {
        int seen = openHands.conversationChecks(job.conversation);
        Eventually.await(
                () -> Optional.of(openHands.conversationChecks(job.conversation))
                        .filter(checks -> checks >= seen + times),
                times + " more looks at " + job.conversation);
    }

    /** Longer than the follower ever waits between two looks at a job it follows: one still followed is looked at. */
    static void pastTheNextLooks() {
        Eventually.pause(3 * MAX_POLL_INTERVAL.toMillis());
    }

    /** Moves the job's conversation to running, and waits until the service has seen it running. */
    StartedJob running(StartedJob job) {
        openHands.startTaskIs(job.person.apiKey, job.task, "READY", job.conversation, null);
        openHands.conversationIs(job.person.apiKey, job.conversation, "running", "RUNNING");
        openHands.eventsAre(job.person.apiKey, job.conversation, OpenHandsConversations.observation("e1"));
        openHands.awaitEventsRead(job.conversation);
        return job;
    }

    @Test
    void aJobIsFollowedFromWorkingToReadyToRunningToFinishedAndItsSummaryAndPullRequestAreSaid() {
        StartedJob job = running(aJobStarts());
        openHands.eventsAre(job.person.apiKey, job.conversation,
                OpenHandsConversations.finish("e9",
                        "## What I did\n\n- Added a null check in `LoginService`\n- Wrote **a test**"),
                OpenHandsConversations.agentMessage("e8", "Running the tests now"),
                OpenHandsConversations.observation("e1"));
        openHands.conversationIs(job.person.apiKey, job.conversation, "finished", "RUNNING", 12);

        assertEquals("[~" + job.person.name + "] OpenHands finished working in acme/web-app: [pull request #12|"
                + "https://github.com/acme/web-app/pull/12].\n\n"
                + "h2. What I did\n\n* Added a null check in {{LoginService}}\n* Wrote *a test*\n\n"
                + "[The whole conversation in OpenHands|" + APP + "/conversations/" + job.conversation
                + "]. To ask for more,"
                + " comment @openhands on this issue.", world.commentsOn(job.issue, 2).get(1));

        int checks = openHands.conversationChecks(job.conversation);
        pastTheNextLooks();
        assertEquals(2, world.commentCount(job.issue), "the summary is said once");
        assertEquals(checks, openHands.conversationChecks(job.conversation), "a finished job is no longer followed");

        List<String> logged = ItLogs.linesContaining("[issue=" + job.issue.key + " delivery=");
        assertTrue(
                logged.stream().anyMatch(
                        line -> line.contains("comment_created, attempt 1: DONE, job started in acme/web-app")),
                String.join("\n", logged));
        assertTrue(
                logged.stream()
                        .anyMatch(line -> line.contains(" job=") && line.contains("Finished with 1 pull request(s)")),
                String.join("\n", logged));
        String metrics = world.metrics();
        assertTrue(metrics.matches("(?s).*\nopenhands_jira_jobs\\{status=\"FINISHED\"} [1-9].*"), metrics);
        assertTrue(
                metrics.matches("(?s).*\nopenhands_jira_outbound_call_seconds_count\\{service=\"openhands\"} [1-9].*"),
                metrics);
        assertTrue(metrics.matches("(?s).*\nopenhands_jira_outbound_call_seconds_count\\{service=\"jira\"} [1-9].*"),
                metrics);
    }

    @Test
    void aConversationNotReadyWithinTheLinkWaitIsAnnouncedWithoutItsLinkAndLinkedWhenItEnds() {
        Issue issue = world.issue("Repository: " + REPOSITORY);
        long asked = System.nanoTime();
        StartedJob job = aJobStartsOn(issue);
        assertTrue(Duration.ofNanos(System.nanoTime() - asked).compareTo(LINK_WAIT) >= 0,
                "the comment waited the link wait for the conversation");
        assertEquals("job started in acme/web-app; \"I'm on it\" pending, said by the job follower",
                world.deliveryLogLine(issue, "trigger").getString("result"));
        assertTrue(openHands.startTaskLooks(job.task) > 1, "looked at the start task again while it waited");

        running(job);
        finishes(job, "Done.");
        String end = world.commentsOn(issue, 2).get(1);
        assertTrue(
                end.contains(
                        "[The whole conversation in OpenHands|" + APP + "/conversations/" + job.conversation + "]"),
                end);
        assertEquals(2, world.commentCount(issue), "the start once, then the end");
    }

    @Test
    void anIAmOnItJiraRefusesIsSaidAtALaterCheckAndOnlyOnce() {
        Issue issue = world.issue("Repository: " + REPOSITORY);
        ENV.jira.stubFor(
                post(urlEqualTo("/rest/api/2/issue/" + issue.key + "/comment")).inScenario("start-" + issue.key)
                        .whenScenarioStateIs(Scenario.STARTED).withRequestBody(containing("I'm on it"))
                        .willReturn(serviceUnavailable()).willSetStateTo("refused once"));
        Person person = world.person().ready(REPOSITORY);
        String conversation = OpenHandsConversations.id("conv-" + person.id);
        openHands.startTaskIs(person.apiKey, OpenHandsConversations.id("task-" + person.id), "READY", conversation,
                null);
        openHands.conversationIs(person.apiKey, conversation, "running", "RUNNING");
        openHands.eventsAre(person.apiKey, conversation, OpenHandsConversations.observation("e1"));
        world.deliver(person.asks(issue.comment(JiraScenario.nextId(), "@openhands please fix the login")));

        List<String> posted = world.commentsOn(issue, 2);
        assertEquals(posted.get(0), posted.get(1), "refused, then said again");
        assertTrue(
                posted.get(1).contains("I'm on it in " + REPOSITORY)
                        && posted.get(1).contains("/conversations/" + conversation),
                posted.get(1));
        assertFalse(ENV.jira.findAll(getRequestedFor(urlPathEqualTo("/rest/api/2/issue/" + issue.key + "/comment"))
                .withQueryParam("expand", equalTo("properties"))).isEmpty(),
                "the issue was read first, in case Jira had taken it");
        openHands.awaitEventsRead(conversation);
        pastTheNextLooks();
        assertEquals(2, world.commentCount(issue), "said once it was taken");
    }

    @Test
    void aStartTaskThatFailsIsReportedWithOpenHandsReason() {
        StartedJob job = aJobStarts();
        openHands.startTaskIs(job.person.apiKey, job.task, "ERROR", null,
                "No sandbox available: the limit of 5 is reached");
        assertEquals(
                "[~" + job.person.name + "] The OpenHands job stopped without finishing: OpenHands could not start the"
                        + " conversation \\(No sandbox available: the limit of 5 is reached\\). [Open the conversation|"
                        + APP
                        + "/conversations] to see what happened, then comment @openhands on this issue to try again.",
                world.commentsOn(job.issue, 2).get(1));
    }

    @Test
    void aConversationThatEndsInAnErrorIsReportedWithTheError() {
        StartedJob job = running(aJobStarts());
        openHands.conversationIs(job.person.apiKey, job.conversation, "error", "RUNNING");
        openHands.eventsAre(job.person.apiKey, job.conversation,
                OpenHandsConversations.error("e5", "The LLM provider refused the request: quota exceeded"),
                OpenHandsConversations.observation("e1"));
        assertEquals(
                "[~" + job.person.name + "] The OpenHands job stopped without finishing: The LLM provider refused the"
                        + " request: quota exceeded. [Open the conversation|" + APP + "/conversations/"
                        + job.conversation
                        + "] to see what happened, then comment @openhands on this issue to try again.",
                world.commentsOn(job.issue, 2).get(1));
    }

    @Test
    void aSilentJobIsReportedStaleOnceAndItsEndIsStillReported() {
        StartedJob job = running(aJobStarts());
        String stale = world.commentsOn(job.issue, 2).get(1);
        assertTrue(stale.startsWith("[~" + job.person.name + "] The OpenHands job has given no sign of progress for "),
                stale);
        assertTrue(stale.contains(
                "(last status: running). It may be stuck or waiting for you. [Check on the conversation|" + APP
                        + "/conversations/" + job.conversation + "]"),
                stale);
        lookedAtAgain(job, 3);
        assertEquals(2, world.commentCount(job.issue), "stale is said once");

        finishes(job, "Done at last.");
        String finished = world.commentsOn(job.issue, 3).get(2);
        assertTrue(finished.startsWith("[~" + job.person.name
                + "] OpenHands finished working in acme/web-app. OpenHands did not"
                + " report a pull request; if the agent opened one, the conversation shows it.\n\nDone at last."),
                finished);
    }

    @Test
    void aStaleNoticeJiraRefusesIsSaidAtTheNextCheck() {
        Issue issue = world.issue("Repository: " + REPOSITORY);
        ENV.jira.stubFor(
                post(urlEqualTo("/rest/api/2/issue/" + issue.key + "/comment")).inScenario("stale-" + issue.key)
                        .whenScenarioStateIs(Scenario.STARTED).withRequestBody(containing("no sign of progress"))
                        .willReturn(serviceUnavailable()).willSetStateTo("refused once"));
        StartedJob job = running(aJobStartsOn(issue));
        List<String> posted = world.commentsOn(job.issue, 3);
        // said again as of the next check: how long the job has been silent may have grown by a second
        assertTrue(
                posted.get(1).contains("no sign of progress")
                        && posted.get(2).replaceAll("for \\d+ seconds", "for N seconds")
                                .equals(posted.get(1).replaceAll("for \\d+ seconds", "for N seconds")),
                "refused, then said again: " + posted);
        lookedAtAgain(job, 3);
        assertEquals(3, world.commentCount(job.issue), "said once it was taken");
    }

    @Test
    void aPullRequestTheAgentNamesInItsLastWordsIsLinkedWhenOpenHandsReportsNone() {
        StartedJob job = running(aJobStarts());
        finishes(job,
                "Opened https://github.com/acme/web-app/pull/31 (see also https://github.com/other/repo/pull/1).");
        String finished = world.commentsOn(job.issue, 2).get(1);
        assertTrue(finished
                .startsWith("[~" + job.person.name + "] OpenHands finished working in acme/web-app: [pull request #31|"
                        + "https://github.com/acme/web-app/pull/31]."),
                finished);
    }

    @Test
    void aJobOpenHandsCannotBeReadAboutForItsWholeStaleTimeIsSaidOnTheIssueAndStillFollowed() {
        StartedJob job = running(aJobStarts());
        askedAboutTheConversation(job, serviceUnavailable());
        String unread = world.commentsOn(job.issue, 2).get(1);
        assertTrue(unread.startsWith("[~" + job.person.name + "] I have not been able to read the OpenHands job for "),
                unread);
        assertTrue(
                unread.endsWith(
                        ": OpenHands does not answer me. I'll keep trying and report here when it ends; meanwhile,"
                                + " [check on the conversation|" + APP + "/conversations/" + job.conversation + "]."),
                unread);

        finishes(job, "Done.");
        assertTrue(world.commentsOn(job.issue, 3).get(2).contains("OpenHands finished working in acme/web-app"));
    }

    /**
     * An answer outside OpenHands' description (here an object where it lists the conversations) is an OpenHands that
     * cannot be read about, said in the log in words, not an unexpected error; the job is still followed to its end.
     */
    @Test
    void anAnswerThatIsNotTheDescribedJsonIsSaidInWordsAndTheJobIsStillFollowed() {
        StartedJob job = running(aJobStarts());
        ENV.openHandsContract.tolerate("GET /api/v1/app-conversations\\?ids=" + job.conversation, 200);
        askedAboutTheConversation(job, okJson("{\"id\":\"" + job.conversation + "\",\"sandbox_status\":\"RUNNING\"}"));
        String unread = world.commentsOn(job.issue, 2).get(1);
        assertTrue(unread.startsWith("[~" + job.person.name + "] I have not been able to read the OpenHands job for "),
                unread);
        assertFalse(ItLogs
                .linesContaining("answered something this service cannot read when asked to look at the conversation "
                        + job.conversation)
                .isEmpty(), "the detail is in the log");

        finishes(job, "Done.");
        assertTrue(world.commentsOn(job.issue, 3).get(2).contains("OpenHands finished working in acme/web-app"));
    }

    @Test
    void aConversationDeletedInOpenHandsMidJobIsSaidAndNoLongerFollowed() {
        StartedJob job = running(aJobStarts());
        askedAboutTheConversation(job, okJson("[null]"));
        String said = world.commentsOn(job.issue, 2).get(1);
        assertTrue(said.startsWith("[~" + job.person.name + "] "), said);
        assertTrue(said.contains("the conversation was deleted in OpenHands"), said);
        int checks = openHands.conversationChecks(job.conversation);
        pastTheNextLooks();
        assertEquals(checks, openHands.conversationChecks(job.conversation), "no longer followed");
    }

    @Test
    void aKeyOpenHandsRefusesMidJobIsToldToBeUpdated() {
        StartedJob job = running(aJobStarts());
        askedAboutTheConversation(job, unauthorized());
        String said = world.commentsOn(job.issue, 2).get(1);
        assertTrue(said.contains("OpenHands no longer accepts your API key; update it at Settings > Integrations"),
                said);
        assertEquals(2, world.commentCount(job.issue));
    }

    @Test
    void anOpenHandsThatDoesNotServeEventsEndsTheJobInWordsInsteadOfPostponingItForever() {
        StartedJob job = running(aJobStarts());
        // an OpenHands older (or newer) than its published description, which lists no 404 here
        ENV.openHandsContract.tolerate("GET /api/v1/conversation/" + job.conversation + "/events/search\\?.*", 404);
        ENV.openHands.stubFor(get(urlPathEqualTo("/api/v1/conversation/" + job.conversation + "/events/search"))
                .willReturn(notFound()));
        openHands.conversationIs(job.person.apiKey, job.conversation, "finished", "RUNNING");
        assertEquals("[~" + job.person.name
                + "] I can no longer follow the OpenHands job: this OpenHands server does not let me"
                + " read the conversation's events, which I need to report how it ends; ask your administrator to"
                + " update OpenHands. [Follow it in OpenHands|" + APP + "/conversations/" + job.conversation + "].",
                world.commentsOn(job.issue, 2).get(1));
        assertTrue(ItLogs
                .linesContaining("answered 404 to GET /api/v1/conversation/" + job.conversation + "/events/search")
                .size() > 0, "the detail is in the log");
    }

    @Test
    void aFollowUpFromTheSamePersonGoesToTheRunningConversation() {
        StartedJob job = running(aJobStarts());
        ENV.openHands.stubFor(post("/api/v1/app-conversations/" + job.conversation + "/send-message")
                .willReturn(okJson("{\"success\":true,\"sandbox_status\":\"RUNNING\",\"message\":null}")));
        world.deliver(job.person.asks(job.issue.comment(JiraScenario.nextId(), "@openhands also update the README")));

        assertEquals(
                "[~" + job.person.name
                        + "] I passed your comment on to the OpenHands job that is still running: [follow the"
                        + " conversation in OpenHands|" + APP + "/conversations/" + job.conversation + "].",
                world.commentsOn(job.issue, 2).get(1));
        String sent = ENV.openHands.findAll(postRequestedFor(urlEqualTo("/api/v1/app-conversations/" + job.conversation
                + "/send-message")).withHeader("Authorization", equalTo("Bearer " + job.person.apiKey))).get(0)
                .getBodyAsString();
        assertEquals(
                "Follow-up from User " + job.person.id + " on Jira issue " + job.issue.key + " (" + ENV.jiraUrl()
                        + "/browse/"
                        + job.issue.key + "):\n@openhands also update the README",
                OpenHandsConversations.messageText(sent));
        assertEquals(1, ENV.openHands.findAll(postRequestedFor(urlEqualTo("/api/v1/app-conversations"))
                .withHeader("Authorization", equalTo("Bearer " + job.person.apiKey))).size(), "no second conversation");
    }

    /**
     * 404 unknown, 409 paused, 410 archived, 502 and 503 sandbox or agent server failing: OpenHands' answers that
     * refuse it.
     */
    @ParameterizedTest(name = "send-message answers {0}")
    @ValueSource(ints = {404, 409, 410, 502, 503})
    void aFollowUpThatTheConversationCannotTakeStartsANewJobLinkedToTheEarlierOne(int status) {
        StartedJob job = running(aJobStarts());
        ENV.openHands.stubFor(post("/api/v1/app-conversations/" + job.conversation + "/send-message")
                .willReturn(aResponse().withStatus(status).withBody("{\"detail\":\"Sandbox is not running.\"}")));
        String second = OpenHandsConversations.id("conv-2-" + job.person.id);
        openHands.startTaskIs(job.person.apiKey, OpenHandsConversations.id("task-2-" + job.person.id), "READY", second,
                null);
        world.deliver(job.person.asks(job.issue.comment(JiraScenario.nextId(), "@openhands also update the README")));

        assertEquals(
                "[~" + job.person.name + "] I'm on it in " + REPOSITORY
                        + " (named in the issue's description): [follow the"
                        + " conversation in OpenHands|" + APP + "/conversations/" + second + "].",
                world.commentsOn(job.issue, 2).get(1));
        String message = world.firstMessageSentWith(job.person.apiKey, 1);
        assertTrue(message.contains("An earlier OpenHands conversation worked on this issue: " + APP + "/conversations/"
                + job.conversation + "\n"), message);
    }

    @Test
    void anotherPersonsMentionWhileAJobRunsStartsTheirOwnJobAndIsNotPassedOn() {
        StartedJob job = running(aJobStarts());
        Person other = world.person().ready(REPOSITORY);
        String theirs = OpenHandsConversations.id("conv-" + other.id);
        openHands.startTaskIs(other.apiKey, OpenHandsConversations.id("task-" + other.id), "READY", theirs, null);
        world.deliver(other.asks(job.issue.comment(JiraScenario.nextId(), "@openhands do it my way")));

        assertEquals(
                "[~" + other.name + "] I'm on it in " + REPOSITORY + " (named in the issue's description): [follow the"
                        + " conversation in OpenHands|" + APP + "/conversations/" + theirs + "].",
                world.commentsOn(job.issue, 2).get(1));
        assertTrue(ENV.openHands.findAll(postRequestedFor(urlEqualTo("/api/v1/app-conversations/" + job.conversation
                + "/send-message"))).isEmpty(), "nothing sent into the first person's conversation");
    }

    @Test
    void aMentionAfterTheJobEndedStartsANewJobLinkedToTheEarlierOne() {
        StartedJob job = running(aJobStarts());
        finishes(job, "Done.");
        assertTrue(world.commentsOn(job.issue, 2).get(1).contains("OpenHands finished working in " + REPOSITORY));
        String second = OpenHandsConversations.id("conv-2-" + job.person.id);
        openHands.startTaskIs(job.person.apiKey, OpenHandsConversations.id("task-2-" + job.person.id), "READY", second,
                null);
        world.deliver(job.person.asks(job.issue.comment(JiraScenario.nextId(), "@openhands now the docs")));

        assertEquals(
                "[~" + job.person.name + "] I'm on it in " + REPOSITORY
                        + " (named in the issue's description): [follow the"
                        + " conversation in OpenHands|" + APP + "/conversations/" + second + "].",
                world.commentsOn(job.issue, 3).get(2));
        assertTrue(world.firstMessageSentWith(job.person.apiKey, 1)
                .contains("An earlier OpenHands conversation worked on this"
                        + " issue: " + APP + "/conversations/" + job.conversation + "\n"));
        assertTrue(ENV.openHands.findAll(postRequestedFor(urlEqualTo("/api/v1/app-conversations/" + job.conversation
                + "/send-message"))).isEmpty(), "an ended conversation is not written to");
    }

    @Test
    void deletingTheTriggerCommentCancelsAJobThatHasNotStarted() {
        Person person = world.person().ready(REPOSITORY);
        Issue issue = world.issue("Repository: " + REPOSITORY);
        // Jira is busy: the trigger waits a minute before its next attempt
        ENV.jira.stubFor(get(urlPathEqualTo("/rest/api/2/issue/" + issue.key))
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "60")));
        String commentId = JiraScenario.nextId();
        world.deliver(person.asks(issue.comment(commentId, "@openhands please fix the login")));
        world.awaitJira(getRequestedFor(urlPathEqualTo("/rest/api/2/issue/" + issue.key)), 1);

        world.deliverAny(person.asks(JiraEvent.commentDeleted().issue(issue.id, issue.key).comment(commentId,
                "@openhands please fix the login")));

        assertEquals("comment deleted: its waiting trigger was cancelled",
                world.deliveryLogLine(issue, "comment deleted").getString("result"));
        assertEquals("cancelled: the comment was deleted", world.deliveryLogLine(issue, "trigger").getString("result"));
        assertEquals(0, ENV.openHands.findAll(postRequestedFor(urlEqualTo("/api/v1/app-conversations"))
                .withHeader("Authorization", equalTo("Bearer " + person.apiKey))).size());
    }

    @Test
    void deletingTheIssueCancelsATriggerWaitingToBeTriedAgain() {
        Person person = world.person().ready(REPOSITORY);
        ENV.openHands.stubFor(
                post("/api/v1/app-conversations").withHeader("Authorization", equalTo("Bearer " + person.apiKey))
                        .willReturn(serviceUnavailable()));
        Issue issue = world.issue("Repository: " + REPOSITORY);
        world.deliver(person.asks(issue.comment(JiraScenario.nextId(), "@openhands")));
        assertTrue(world.deliveryLogLine(issue, "trigger").getString("result").contains("503"),
                "the first attempt failed");

        world.deliverAny(person.asks(JiraEvent.issueDeleted().issue(issue.id, issue.key)));
        assertEquals("issue deleted: 0 job(s) no longer followed, 1 waiting trigger(s) cancelled",
                world.deliveryLogLine(issue, "issue deleted").getString("result"));
        assertEquals(0, world.commentCount(issue), "nothing is said on a deleted issue");
    }

    @Test
    void deletingTheIssueStopsFollowingItsJob() {
        StartedJob job = running(aJobStarts());
        world.deliverAny(job.person.asks(JiraEvent.issueDeleted().issue(job.issue.id, job.issue.key)));
        assertEquals("issue deleted: 1 job(s) no longer followed, 0 waiting trigger(s) cancelled",
                world.deliveryLogLine(job.issue, "issue deleted").getString("result"));

        finishes(job, "Done.");
        pastTheNextLooks();
        assertEquals(1, world.commentCount(job.issue), "nothing more is said on a deleted issue");
    }
}
