package dev.openhands.jiradc.jobs.boundary;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static java.util.stream.Collectors.toSet;
import static org.junit.jupiter.api.Assertions.*;

import dev.openhands.jiradc.openhands.boundary.OpenHands;
import dev.openhands.jiradc.testing.ActiveConnection;
import dev.openhands.jiradc.testing.Eventually;
import dev.openhands.jiradc.testing.Http;
import dev.openhands.jiradc.testing.TestEnvironment;
import dev.openhands.jiradc.testing.jira.JiraCommentStore;
import dev.openhands.jiradc.testing.jira.JiraScenario;
import dev.openhands.jiradc.testing.jira.JiraScenario.Issue;
import dev.openhands.jiradc.testing.jira.JiraScenario.Person;
import dev.openhands.jiradc.testing.openhands.OpenHandsConversations;
import dev.openhands.jiradc.testing.server.PayaraMicroServer;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two app server processes on one database, both receiving deliveries and both following jobs: each
 * job's start and end are said on its issue exactly once; then 500
 * triggers spread over both while one of them is killed.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JobsClusterIT {

    static final TestEnvironment ENV = TestEnvironment.start();
    static final int JOBS = 20;
    static final int TRIGGERS = 500;
    static final String REPOSITORY = "acme/web-app";
    static final Duration LEASE = Duration.ofSeconds(10);
    static final Duration LONGER_THAN_THE_LEASE = LEASE.plusSeconds(2);
    /** The longest a job waits for its next check: a comment said twice would come within two of them. */
    static final Duration MAX_POLL_INTERVAL = Duration.ofSeconds(2);
    static final Path SECOND = Path.of(System.getProperty("it.directory", "target"), "cluster-second");
    static WebArchive war;
    static PayaraMicroServer second;

    @ArquillianResource
    URL service;

    @Deployment(testable = false)
    static WebArchive deployment() {
        JiraScenario.jiraTakesComments(ENV);
        war = ENV.deployment().with("jira-dc.jobs.poll-interval", "PT0.2S")
                .with("jira-dc.jobs.max-poll-interval", MAX_POLL_INTERVAL.toString())
                .with("jira-dc.processing.lease", LEASE.toString()).war();
        return war;
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (second != null) {
            second.close();
        }
        ENV.stop();
    }

    /**
     * Each start task is still WORKING at the first look: while "I'm on it" waits for the link, both instances look at
     * the waiting jobs (the one that started it, and the other at its ticks), and one of them says it, with the link.
     */
    @Test
    @Order(1)
    void eachJobIsAnnouncedAndReportedOnceWhileTwoInstancesShareTheWork() throws Exception {
        startSecondInstance();
        JiraScenario world = JiraScenario.on(ENV, service);
        OpenHandsConversations openHands = new OpenHandsConversations(ENV.openHands, REPOSITORY);
        List<Person> people = new ArrayList<>();
        List<Issue> issues = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
            Person person = world.person().ready(REPOSITORY);
            openHands.startTaskIsReadyAfter(1, person.apiKey, taskOf(person), conversationOf(person));
            openHands.conversationIs(person.apiKey, conversationOf(person), "running", "RUNNING");
            openHands.eventsAre(person.apiKey, conversationOf(person), OpenHandsConversations.observation("e1"));
            people.add(person);
            issues.add(world.issue("Repository: " + REPOSITORY));
        }
        second.awaitReady(Duration.ofMinutes(3));
        ActiveConnection viaSecond = new ActiveConnection(second.uri("/").toURL(), world.connection.id(),
                world.connection.secret());
        for (int i = 0; i < JOBS; i++) {
            byte[] trigger = people.get(i).asks(issues.get(i).comment(JiraScenario.nextId(), "@openhands fix it"))
                    .bytes(ENV.jiraUrl());
            var accepted = (i % 2 == 0 ? world.connection : viaSecond).deliver(trigger);
            assertEquals(200, accepted.statusCode(), accepted.body());
        }
        for (int i = 0; i < JOBS; i++) {
            String onIt = world.commentOn(issues.get(i));
            assertTrue(
                    onIt.contains("I'm on it in " + REPOSITORY)
                            && onIt.contains("/conversations/" + conversationOf(people.get(i))),
                    onIt);
            openHands.awaitEventsRead(conversationOf(people.get(i)));
        }
        for (Person person : people) {
            // as in OpenHands, the agent's last event is there before the conversation says it finished: the other
            // order let a check between the two stubs see a finished conversation without its closing words
            openHands.eventsAre(person.apiKey, conversationOf(person),
                    OpenHandsConversations.finish("e2", "Fixed for " + person.name));
            openHands.conversationIs(person.apiKey, conversationOf(person), "finished", "RUNNING");
        }
        for (int i = 0; i < JOBS; i++) {
            String summary = world.commentsOn(issues.get(i), 2).get(1);
            assertTrue(summary.contains("OpenHands finished working in " + REPOSITORY) && summary.contains("Fixed for "
                    + people.get(i).name), summary);
        }
        Eventually.pause(2 * MAX_POLL_INTERVAL.toMillis());
        for (Issue issue : issues) {
            assertEquals(2, world.commentCount(issue), "one start and one end on " + issue.key);
        }
        assertEquals(JOBS, ENV.openHands.findAll(postRequestedFor(urlEqualTo("/api/v1/app-conversations"))).size(),
                "one conversation per trigger");
        // an instance takes up what it received 20 ms later, long before the other's two-second tick: both did work;
        // which one checked a job last is up to the race for rows
        assertEquals(2, count("select count(distinct claimed_by) from inbox"), "each instance processed triggers");
        System.out.printf("Two instances: both processed triggers, %d followed jobs to their end%n",
                count("select count(distinct followed_by) from job"));
    }

    static String taskOf(Person person) {
        return OpenHandsConversations.id("task-" + person.id);
    }

    static String conversationOf(Person person) {
        return OpenHandsConversations.id("conv-" + person.id);
    }

    /**
     * A start OpenHands answers only after 12 s, and a look at the conversation as slow, against a lease of 10 s: the
     * instance doing each keeps renewing its claim, so that neither instance (the second runs since the first test)
     * takes the work over midway and starts or reports the job a second time.
     */
    @Test
    @Order(2)
    void workThatTakesLongerThanItsLeaseIsNotTakenOverMidway() {
        JiraScenario world = JiraScenario.on(ENV, service);
        OpenHandsConversations slowly = new OpenHandsConversations(ENV.openHands, REPOSITORY)
                .answeringAfter(LONGER_THAN_THE_LEASE);
        Person person = world.person().ready(REPOSITORY);
        slowly.startTaskIs(person.apiKey, taskOf(person), "READY", conversationOf(person), null);
        slowly.conversationIs(person.apiKey, conversationOf(person), "finished", "RUNNING", 7);
        slowly.eventsAre(person.apiKey, conversationOf(person), OpenHandsConversations.finish("e1", "Done."));
        Issue issue = world.issue("Repository: " + REPOSITORY);
        world.deliver(person.asks(issue.comment(JiraScenario.nextId(), "@openhands fix it")));

        String start = world.commentOn(issue);
        assertTrue(start.contains("I'm on it in " + REPOSITORY), start);
        String end = world.commentsOn(issue, 2).get(1);
        assertTrue(end.contains("OpenHands finished working in " + REPOSITORY), end);
        Eventually.pause(LONGER_THAN_THE_LEASE.toMillis());
        assertEquals(2, world.commentCount(issue), "one start and one end");
        assertEquals(1, ENV.openHands.findAll(postRequestedFor(urlEqualTo("/api/v1/app-conversations"))
                .withHeader("Authorization", equalTo("Bearer " + person.apiKey))).size(), "one conversation");
        assertEquals(1, slowly.conversationChecks(conversationOf(person)), "one look at the finished conversation");
    }

    /**
     * 500 triggers from 10 people, delivered alternately to both instances (as a load balancer would); halfway,
     * the second instance is killed, and what Jira could not deliver to it is delivered again to the first. What
     * the dead instance had claimed is taken over once its lease ({@code PT10S} here) has run out.
     */
    @Test
    @Order(3)
    void fiveHundredTriggersEachEndInOneJobAndOneCommentWhenAnInstanceIsKilledHalfway() throws Exception {
        ENV.openHands.resetRequests();
        JiraCommentStore.keepComments(ENV.jira);
        JiraScenario world = JiraScenario.on(ENV, service);
        OpenHandsConversations openHands = new OpenHandsConversations(ENV.openHands, REPOSITORY);
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Person person = world.person().ready(REPOSITORY);
            openHands.startTaskIs(person.apiKey, taskOf(person), "READY", conversationOf(person), null);
            openHands.conversationIs(person.apiKey, conversationOf(person), "finished", "RUNNING", 1);
            openHands.eventsAre(person.apiKey, conversationOf(person), OpenHandsConversations.finish("e1", "Done."));
            people.add(person);
        }
        List<Issue> issues = new ArrayList<>();
        for (int i = 0; i < TRIGGERS; i++) {
            issues.add(world.issue("Repository: " + REPOSITORY));
        }
        ActiveConnection viaSecond = new ActiveConnection(second.uri("/").toURL(), world.connection.id(),
                world.connection.secret());

        long start = System.nanoTime();
        int viaFirst = 0;
        int toSecond = 0;
        int redelivered = 0;
        for (int i = 0; i < TRIGGERS; i++) {
            if (i == TRIGGERS / 2) {
                second.kill();
            }
            byte[] trigger = people.get(i % people.size())
                    .asks(issues.get(i).comment(JiraScenario.nextId(), "@openhands fix it"))
                    .bytes(ENV.jiraUrl());
            boolean sent = false;
            if (i % 2 == 1) {
                toSecond++;
                sent = deliveredTo(viaSecond, trigger);
                redelivered += sent ? 0 : 1;
            }
            if (!sent) {
                viaFirst++;
                assertTrue(deliveredTo(world.connection, trigger));
            }
        }
        // A start the killed instance had asked for, and OpenHands never received, is asked for again only once the
        // lease has run out and the longest an OpenHands call can take has passed since the ask.
        Duration takeOverAndStartAgain = LEASE.plus(OpenHands.LONGEST_CALL).plusSeconds(30);
        Set<String> commentUrls = issues.stream().map(issue -> "/rest/api/2/issue/" + issue.key + "/comment")
                .collect(toSet());
        Eventually.await(
                () -> Optional.of(ENV.jira.findAll(postRequestedFor(urlMatching("/rest/api/2/issue/[^/]+/comment"))))
                        .filter(comments -> comments.stream().filter(comment -> commentUrls.contains(comment.getUrl()))
                                .count() >= 2L * TRIGGERS),
                "a start and an end on every issue", takeOverAndStartAgain);
        double seconds = (System.nanoTime() - start) / 1e9;
        Eventually.pause(2 * MAX_POLL_INTERVAL.toMillis());

        for (Issue issue : issues) {
            List<String> about = ENV.jira
                    .findAll(postRequestedFor(urlEqualTo("/rest/api/2/issue/" + issue.key + "/comment")))
                    .stream()
                    .map(request -> Http.json(request.getBodyAsString()).getJsonArray("properties").getJsonObject(0)
                            .getJsonObject("value").getString("about", ""))
                    .sorted().toList();
            assertEquals(List.of("end", "start"), about, "one start and one end on " + issue.key);
        }
        assertEquals(TRIGGERS + JOBS + 1, count("select count(*) from job"),
                "one job per trigger (and the 21 of the tests before)");
        int conversations = ENV.openHands.findAll(postRequestedFor(urlEqualTo("/api/v1/app-conversations"))).size();
        assertEquals(TRIGGERS, conversations,
                "one conversation per trigger: a start the killed instance asked for and did"
                        + " not record is found in OpenHands, not asked for again");
        System.out.printf(
                "Cluster: %d triggers in %.1f s from the first delivery to the last report; %d delivered to the"
                        + " first instance (%d of them meant for the second after it was killed), %d to the second"
                        + " before it was killed; conversations started: %d%n",
                TRIGGERS, seconds, viaFirst, redelivered,
                toSecond - redelivered, conversations);
    }

    /** Delivers as Jira does: false when the instance cannot be reached, so that Jira delivers it again. */
    static boolean deliveredTo(ActiveConnection connection, byte[] trigger) {
        try {
            var response = connection.deliver(trigger);
            assertEquals(200, response.statusCode(), response.body());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The same WAR, with the same settings and database, in a second Payara Micro process (which boots meanwhile). */
    static void startSecondInstance() throws IOException {
        second = PayaraMicroServer.startBeside(war, SECOND);
    }

    /** The one number a query answers, read from the database both instances share. */
    static int count(String query) throws SQLException {
        try (Connection db = ENV.database.connect(); ResultSet rs = db.createStatement().executeQuery(query)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
