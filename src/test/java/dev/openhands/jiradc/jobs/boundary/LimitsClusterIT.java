package dev.openhands.jiradc.jobs.boundary;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
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
 * Two app server processes on one database share the limits: triggers delivered at once to both never have more jobs
 * running than the installation limit, every waiting one starts as slots free, and none is lost from the queue when
 * one instance is killed.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LimitsClusterIT {

    static final TestEnvironment ENV = TestEnvironment.start();
    static final String REPOSITORY = "acme/web-app";
    static final Duration LEASE = Duration.ofSeconds(10);
    static final int LIMIT = 3;
    static final String RUNNING = "select count(*) from job where status in ('STARTING', 'STARTED', 'STALE')";
    static final Path SECOND = Path.of(System.getProperty("it.directory", "target"), "limits-cluster-second");
    static WebArchive war;
    static PayaraMicroServer second;

    @ArquillianResource
    URL service;

    @Deployment(testable = false)
    static WebArchive deployment() {
        JiraScenario.jiraTakesComments(ENV);
        war = ENV.deployment().with("jira-dc.jobs.poll-interval", "PT0.2S")
                .with("jira-dc.jobs.max-poll-interval", "PT1S").with("jira-dc.jobs.link-wait", "PT1S")
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
     * Counts the running jobs in the shared database every 20 ms while it runs, and keeps the most it saw, and which
     * instances it saw holding the askers' triggers (an entry's last holder is not enough: a waiting trigger is taken
     * up again by whichever instance frees a slot).
     */
    static final class RunningJobsWatch implements AutoCloseable {
        final AtomicInteger most = new AtomicInteger();
        final Set<String> claimers = ConcurrentHashMap.newKeySet();
        final AtomicBoolean watching = new AtomicBoolean(true);
        final Thread thread;

        RunningJobsWatch(List<Asker> askers) {
            String holders = "select distinct claimed_by from inbox where claimed_by is not null and issue_key in ("
                    + askers.stream().map(asker -> "'" + asker.issue.key + "'").collect(Collectors.joining(", ")) + ")";
            thread = new Thread(() -> {
                while (watching.get()) {
                    try {
                        most.accumulateAndGet(count(RUNNING), Math::max);
                        claimers.addAll(strings(holders));
                        Thread.sleep(20);
                    } catch (SQLException | InterruptedException e) {
                        return;
                    }
                }
            });
            thread.start();
        }

        @Override
        public void close() throws InterruptedException {
            watching.set(false);
            thread.join();
        }
    }

    /** A person whose conversations run until {@link #finish}; one issue each. */
    record Asker(Person person, Issue issue, String conversation) {
    }

    List<Asker> askers(JiraScenario world, int count, String state) {
        OpenHandsConversations openHands = new OpenHandsConversations(ENV.openHands, REPOSITORY);
        List<Asker> askers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Person person = world.person().ready(REPOSITORY);
            Asker asker = new Asker(person, world.issue("Repository: " + REPOSITORY),
                    OpenHandsConversations.id("conv-" + person.id));
            openHands.startTaskIs(person.apiKey, OpenHandsConversations.id("task-" + person.id), "READY",
                    asker.conversation, null);
            if (state.equals("finished")) {
                finish(asker);
            } else {
                openHands.conversationIs(person.apiKey, asker.conversation, "running", "RUNNING");
                openHands.eventsAre(person.apiKey, asker.conversation, OpenHandsConversations.observation("e1"));
            }
            askers.add(asker);
        }
        return askers;
    }

    static void finish(Asker asker) {
        OpenHandsConversations openHands = new OpenHandsConversations(ENV.openHands, REPOSITORY);
        openHands.eventsAre(asker.person.apiKey, asker.conversation, OpenHandsConversations.finish("e2", "Done."));
        openHands.conversationIs(asker.person.apiKey, asker.conversation, "finished", "RUNNING");
    }

    /** Delivers every asker's trigger at once, alternately to each instance, from parallel threads. */
    static void allAskAtOnce(JiraScenario world, List<Asker> askers, ActiveConnection viaSecond) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> sent = new ArrayList<>();
            for (int i = 0; i < askers.size(); i++) {
                Asker asker = askers.get(i);
                ActiveConnection to = i % 2 == 0 ? world.connection : viaSecond;
                byte[] trigger = asker.person.asks(asker.issue.comment(JiraScenario.nextId(), "@openhands fix it"))
                        .bytes(ENV.jiraUrl());
                sent.add(pool.submit(() -> to.deliver(trigger).statusCode()));
            }
            for (Future<Integer> delivery : sent) {
                assertEquals(200, delivery.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    /**
     * What the bot said on the issue, by what each comment is about ("start", "end"; "" for a comment of the trigger).
     */
    static List<String> about(Issue issue) {
        return ENV.jira.findAll(postRequestedFor(urlEqualTo("/rest/api/2/issue/" + issue.key + "/comment"))).stream()
                .map(request -> Http.json(request.getBodyAsString()).getJsonArray("properties").getJsonObject(0)
                        .getJsonObject("value").getString("about", ""))
                .filter(about -> !about.isEmpty()).sorted().toList();
    }

    static void awaitEveryJobStartedAndEnded(List<Asker> askers, Duration within) {
        for (Asker asker : askers) {
            Eventually.await(() -> Optional.of(about(asker.issue)).filter(said -> said.size() >= 2),
                    "a start and an end on " + asker.issue.key, within);
        }
    }

    static int queuedComments(List<Asker> askers) {
        return (int) askers.stream().flatMap(asker -> ENV.jira
                .findAll(postRequestedFor(urlEqualTo("/rest/api/2/issue/" + asker.issue.key + "/comment"))).stream())
                .filter(request -> request.getBodyAsString().contains("I'll start this one")).count();
    }

    @Test
    @Order(1)
    void triggersAtOnceOnTwoInstancesNeverRunMoreJobsThanTheLimitAndAllStartInTurn() throws Exception {
        second = PayaraMicroServer.startBeside(war, SECOND);
        // the second boots on the same two cores: the first answers slowly meanwhile
        second.awaitReady(Duration.ofMinutes(3));
        JiraCommentStore.keepComments(ENV.jira);
        JiraScenario world = JiraScenario.on(ENV, service);
        assertEquals(200, world.admin.putJson("/api/integrations/jira-dc/limits",
                "{\"installation\":" + LIMIT + ",\"pastLimit\":\"queue\"}").statusCode());
        List<Asker> askers = askers(world, 16, "finished");
        ActiveConnection viaSecond = new ActiveConnection(second.uri("/").toURL(), world.connection.id(),
                world.connection.secret());
        // one trigger through the freshly booted second instance first: cold, it would leave every trigger to the other
        Asker warmUp = askers(world, 1, "finished").get(0);
        assertEquals(200,
                viaSecond.deliver(warmUp.person.asks(warmUp.issue.comment(JiraScenario.nextId(), "@openhands"))
                        .bytes(ENV.jiraUrl())).statusCode());
        awaitEveryJobStartedAndEnded(List.of(warmUp), Duration.ofMinutes(2));
        ENV.openHands.resetRequests();

        try (RunningJobsWatch watch = new RunningJobsWatch(askers)) {
            allAskAtOnce(world, askers, viaSecond);
            awaitEveryJobStartedAndEnded(askers, Duration.ofMinutes(2));
            watch.close();
            assertTrue(watch.most.get() <= LIMIT, "at most " + LIMIT + " jobs ran at once; seen " + watch.most.get());
            assertEquals(LIMIT, watch.most.get(), "the limit was used to the full");
            assertEquals(2, watch.claimers.size(), "both instances processed triggers: " + watch.claimers);
        }
        for (Asker asker : askers) {
            assertEquals(List.of("end", "start"), about(asker.issue), "one start and one end on " + asker.issue.key);
        }
        assertTrue(queuedComments(askers) >= askers.size() - 2 * LIMIT,
                "most triggers waited for a slot: " + queuedComments(askers));
        assertEquals(askers.size(),
                ENV.openHands.findAll(postRequestedFor(urlEqualTo("/api/v1/app-conversations"))).size(),
                "one conversation per trigger");
    }

    /**
     * Triggers wait behind running jobs on both instances; the second instance is killed; then the running jobs end.
     * Every waiting trigger still starts (on the first instance, what the second was doing once its lease ran out),
     * once.
     */
    @Test
    @Order(2)
    void noWaitingTriggerIsLostWhenAnInstanceIsKilled() throws Exception {
        ENV.openHands.resetRequests();
        JiraScenario world = JiraScenario.on(ENV, service);
        List<Asker> askers = askers(world, 10, "running");
        ActiveConnection viaSecond = new ActiveConnection(second.uri("/").toURL(), world.connection.id(),
                world.connection.secret());

        try (RunningJobsWatch watch = new RunningJobsWatch(askers)) {
            allAskAtOnce(world, askers, viaSecond);
            Eventually.await(() -> Optional.of(queuedComments(askers)).filter(n -> n == askers.size() - LIMIT),
                    "all but " + LIMIT + " triggers wait");
            assertEquals(askers.size() - LIMIT, count("select count(*) from job where status = 'QUEUED'"));
            second.kill();
            askers.forEach(LimitsClusterIT::finish);
            awaitEveryJobStartedAndEnded(askers, LEASE.plus(OpenHands.LONGEST_CALL).plusSeconds(60));
            watch.close();
            assertTrue(watch.most.get() <= LIMIT, "at most " + LIMIT + " jobs ran at once; seen " + watch.most.get());
        }
        for (Asker asker : askers) {
            assertEquals(List.of("end", "start"), about(asker.issue), "one start and one end on " + asker.issue.key);
        }
        assertEquals(0, count("select count(*) from job where status = 'QUEUED'"), "none left waiting");
        assertEquals(askers.size(),
                ENV.openHands.findAll(postRequestedFor(urlEqualTo("/api/v1/app-conversations"))).size(),
                "one conversation per trigger");
    }

    static List<String> strings(String query) throws SQLException {
        try (Connection db = ENV.database.connect(); ResultSet rs = db.createStatement().executeQuery(query)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }

    static int count(String query) throws SQLException {
        try (Connection db = ENV.database.connect(); ResultSet rs = db.createStatement().executeQuery(query)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
