package dev.openhands.jiradc.jobs.boundary;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.openhands.jiradc.testing.ActiveConnection;
import dev.openhands.jiradc.testing.Eventually;
import dev.openhands.jiradc.testing.JiraScenario;
import dev.openhands.jiradc.testing.JiraScenario.Issue;
import dev.openhands.jiradc.testing.JiraScenario.Person;
import dev.openhands.jiradc.testing.OpenHandsConversations;
import dev.openhands.jiradc.testing.PayaraMicroServer;
import dev.openhands.jiradc.testing.TestEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two app server processes on one database, both receiving deliveries and both following jobs: each
 * job's start and end are said on its issue exactly once, and both processes took part.
 */
@ExtendWith(ArquillianExtension.class)
class JobsClusterIT {

    static final TestEnvironment ENV = TestEnvironment.start();
    static final int JOBS = 20;
    static final String REPOSITORY = "acme/web-app";
    static final Path SECOND = Path.of(System.getProperty("it.directory", "target"), "cluster-second");
    static WebArchive war;
    static PayaraMicroServer second;

    @ArquillianResource
    URL service;

    @Deployment(testable = false)
    static WebArchive deployment() {
        JiraScenario.jiraTakesComments(ENV);
        war = ENV.deployment().with("jira-dc.jobs.poll-interval", "PT0.2S").with("jira-dc.jobs.max-poll-interval", "PT0.4S").war();
        return war;
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (second != null) {
            second.close();
        }
        ENV.stop();
    }

    @Test
    void eachJobIsAnnouncedAndReportedOnceWhileTwoInstancesShareTheWork() throws Exception {
        startSecondInstance();
        JiraScenario world = JiraScenario.on(ENV, service);
        OpenHandsConversations openHands = new OpenHandsConversations(ENV.openHands, REPOSITORY);
        List<Person> people = new ArrayList<>();
        List<Issue> issues = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
            Person person = world.person().ready(REPOSITORY);
            openHands.startTaskIs(person.apiKey, "task-" + person.id, "READY", "conv-" + person.id, null);
            openHands.conversationIs(person.apiKey, "conv-" + person.id, "running", "RUNNING");
            openHands.eventsAre(person.apiKey, "conv-" + person.id, OpenHandsConversations.observation("e1"));
            people.add(person);
            issues.add(world.issue("Repository: " + REPOSITORY));
        }
        second.awaitReady(Duration.ofMinutes(3));
        ActiveConnection viaSecond = new ActiveConnection(second.uri("/").toURL(), world.connection.id(), world.connection.secret());
        for (int i = 0; i < JOBS; i++) {
            byte[] trigger = people.get(i).asks(issues.get(i).comment(JiraScenario.nextId(), "@openhands fix it")).bytes(ENV.jiraUrl());
            var accepted = (i % 2 == 0 ? world.connection : viaSecond).deliver(trigger);
            assertEquals(200, accepted.statusCode(), accepted.body());
        }
        for (int i = 0; i < JOBS; i++) {
            assertTrue(world.commentOn(issues.get(i)).contains("I'm on it in " + REPOSITORY));
            openHands.awaitEventsRead("conv-" + people.get(i).id);
        }
        for (Person person : people) {
            openHands.conversationIs(person.apiKey, "conv-" + person.id, "finished", "RUNNING");
            openHands.eventsAre(person.apiKey, "conv-" + person.id, OpenHandsConversations.finish("e2", "Fixed for " + person.name));
        }
        for (int i = 0; i < JOBS; i++) {
            String summary = world.commentsOn(issues.get(i), 2).get(1);
            assertTrue(summary.contains("OpenHands finished working in " + REPOSITORY) && summary.contains("Fixed for "
                    + people.get(i).name), summary);
        }
        Eventually.pause(2000);
        for (Issue issue : issues) {
            assertEquals(2, world.commentCount(issue), "one start and one end on " + issue.key);
        }
        assertEquals(JOBS, ENV.openHands.findAll(postRequestedFor(urlEqualTo("/api/v1/app-conversations"))).size(),
                "one conversation per trigger");
        assertEquals(2, distinct("select count(distinct followed_by) from job"), "both instances followed jobs");
        assertEquals(2, distinct("select count(distinct claimed_by) from inbox"), "both instances processed triggers");
    }

    /** The same WAR, with the same settings and database, in a second Payara Micro process (which boots meanwhile). */
    static void startSecondInstance() throws IOException {
        Files.createDirectories(SECOND);
        Path file = SECOND.resolve("openhands-jira-dc.war");
        war.as(ZipExporter.class).exportTo(file.toFile(), true);
        second = PayaraMicroServer.start(Path.of(System.getProperty("payara.microJar")), "512m", freePort(), Map.of(),
                List.of(file), SECOND);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int distinct(String query) throws SQLException {
        try (Connection db = ENV.database.connect(); ResultSet rs = db.createStatement().executeQuery(query)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
