package dev.openhands.jiradc.triggers.boundary;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.openhands.jiradc.testing.ActiveConnection;
import dev.openhands.jiradc.testing.Eventually;
import dev.openhands.jiradc.testing.Http;
import dev.openhands.jiradc.testing.TestEnvironment;
import dev.openhands.jiradc.testing.browser.Browser;
import dev.openhands.jiradc.testing.identity.IdentityProvider;
import dev.openhands.jiradc.testing.jira.JiraEvent;
import dev.openhands.jiradc.testing.jira.JiraOAuthDance;
import dev.openhands.jiradc.testing.jira.JiraScenario;
import dev.openhands.jiradc.testing.jira.JiraStubs;
import dev.openhands.jiradc.testing.openhands.OpenHandsConversations;
import dev.openhands.jiradc.testing.openhands.OpenHandsUsers;
import dev.openhands.jiradc.testing.server.SharedPayaraMicro;
import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.api.output.MigrateResult;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What is under way survives restarts, because it lives in the database: a trigger accepted by one
 * server process, which stops before it could start the job, is processed by the next process (also when
 * the first one died holding it, once its lease has run out); and a job whose conversation finishes while
 * no process runs is reported by the one after.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestartIT {

    static final TestEnvironment ENV = TestEnvironment.start();
    static final String ALICE = "restart-alice";
    static final Duration MAX_POLL_INTERVAL = Duration.ofMillis(400);

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = "app", managed = false, testable = false)
    static WebArchive app() {
        // a check in flight when the server stops keeps its claim for the lease: short here, so the next process takes
        // over soon
        return ENV.deployment().with("jira-dc.jobs.poll-interval", "PT0.2S")
                .with("jira-dc.jobs.max-poll-interval", MAX_POLL_INTERVAL.toString())
                .with("jira-dc.processing.lease", "PT3S").war();
    }

    /** A test that finds the process started (the first test's is started in {@link #theFirstProcessStarts}). */
    static final String STARTS_DEPLOYED = "starts-deployed";

    static final String TASK = OpenHandsConversations.id("task-900");
    static final String CONVERSATION = OpenHandsConversations.id("conv-900");
    static final OpenHandsConversations CONVERSATIONS = new OpenHandsConversations(ENV.openHands, "acme/web-app");

    /** Restarts here are of the server process, not only of the application in it. */
    @BeforeAll
    static void eachDeploymentInANewServerProcess() {
        SharedPayaraMicro.processPerDeployment(true);
    }

    @AfterAll
    static void stop() {
        SharedPayaraMicro.processPerDeployment(false);
        ENV.stop();
    }

    static boolean firstProcessStarted;

    /** Before the first test: the first process starts, while OpenHands fails to start conversations. */
    @BeforeEach
    void theFirstProcessStarts(TestInfo test) {
        if (firstProcessStarted) {
            if (test.getTags().contains(STARTS_DEPLOYED)) {
                deployer.deploy("app");
            }
            return;
        }
        firstProcessStarted = true;
        ENV.jira.stubFor(
                get("/rest/api/2/myself").withHeader("Authorization", equalTo("Bearer " + ENV.settings.servicePat))
                        .willReturn(okJson(JiraStubs.user(ENV.jiraUrl(), "openhands", "JIRAUSER10500",
                                "openhands-bot@example.com", "OH"))));
        ENV.jira.stubFor(get(urlPathEqualTo("/rest/api/2/issue/ACME-900")).willReturn(okJson(
                "{\"id\":\"10900\",\"key\":\"ACME-900\",\"fields\":{\"summary\":\"Crash\",\"description\":\"Repository:"
                        + " acme/web-app\"}}")));
        ENV.jira.stubFor(get(urlPathEqualTo("/rest/api/2/issue/ACME-900/comment"))
                .willReturn(okJson("{\"startAt\":0,\"maxResults\":16,\"total\":0,\"comments\":[]}")));
        ENV.jira.stubFor(
                post("/rest/api/2/issue/ACME-900/comment").willReturn(aResponse().withStatus(201).withBody("{}")));
        ENV.jira.stubFor(post("/rest/internal/2/reactions").willReturn(notFound()));
        // OpenHands fails to start conversations while the first process runs: the trigger waits in the inbox
        ENV.openHands.stubFor(post("/api/v1/app-conversations").willReturn(serviceUnavailable()));
        deployer.deploy("app");
    }

    @Test
    @Order(1)
    void itAcceptsATriggerButCannotStartTheJobAndStops(@ArquillianResource @OperateOnDeployment("app") URL first) {
        setUp(first);
        byte[] body = JiraEvent.commentCreated().issue("10900", "ACME-900").comment("10901", "@openhands fix it")
                .actor(ALICE, "JIRAUSER900", ALICE + "@example.com", "Alice").bytes(ENV.jiraUrl());
        var accepted = connection.deliver(body);
        assertEquals(200, accepted.statusCode(), accepted.body());
        Eventually.await(() -> java.util.Optional.of(failedAttempts()).filter(n -> n >= 1),
                "a first attempt to have failed");
        diedWhileProcessingIt();
        deployer.undeploy("app");
        assertTrue(ENV.jira.findAll(postRequestedFor(urlEqualTo("/rest/api/2/issue/ACME-900/comment"))).isEmpty(),
                "no comment yet: OpenHands was down");
    }

    @Test
    @Order(2)
    void theNextProcessProcessesTheWaitingTrigger() {
        ENV.openHands.resetRequests();
        CONVERSATIONS.startTaskIs("oh-900", TASK, "READY", CONVERSATION, null);
        CONVERSATIONS.conversationIs("oh-900", CONVERSATION, "running", "RUNNING");
        CONVERSATIONS.eventsAre("oh-900", CONVERSATION, OpenHandsConversations.observation("e1"));
        deployer.deploy("app");
        try {
            String comment = Eventually.await(
                    () -> ENV.jira.findAll(postRequestedFor(urlEqualTo("/rest/api/2/issue/ACME-900/comment")))
                            .stream().findFirst().map(request -> request.getBodyAsString()),
                    "the comment after the restart");
            assertTrue(
                    comment.contains("I'm on it in acme/web-app") && comment.contains("/conversations/" + CONVERSATION),
                    comment);
            assertEquals(1, ENV.openHands.findAll(postRequestedFor(urlEqualTo("/api/v1/app-conversations"))).size());
            CONVERSATIONS.awaitEventsRead(CONVERSATION);
        } finally {
            deployer.undeploy("app");
        }
    }

    @Test
    @Order(3)
    void aConversationThatFinishedWhileNoProcessRanIsReportedByTheNext() {
        CONVERSATIONS.conversationIs("oh-900", CONVERSATION, "finished", "RUNNING", 7);
        CONVERSATIONS.eventsAre("oh-900", CONVERSATION, OpenHandsConversations.finish("e2", "Fixed the crash."));
        deployer.deploy("app");
        try {
            String summary = Eventually.await(
                    () -> Optional.of(comments()).filter(all -> all.size() >= 2).map(all -> all.get(1)),
                    "the summary after the second restart");
            assertTrue(summary.contains("OpenHands finished working in acme/web-app: [pull request #7|"
                    + "https://github.com/acme/web-app/pull/7].\n\nFixed the crash."), summary);
            Eventually.pause(3 * MAX_POLL_INTERVAL.toMillis()); // the job's next checks, had it not been finished
            assertEquals(2, comments().size(), "the summary is said once");
        } finally {
            deployer.undeploy("app");
        }
    }

    /**
     * A rolling upgrade, seen from the version being replaced: the next version's migration (as the migration rules
     * allow it: a column with a default and a nullable one on the tables this version writes, a new table) is applied
     * while this version runs. It goes on taking triggers and starting jobs, and restarted on the migrated database
     * (Flyway finds a migration newer than it knows) it becomes ready and reports the job it had started.
     */
    @Test
    @Order(4)
    @Tag(STARTS_DEPLOYED)
    void aNewerVersionsMigrationAppliedWhileThisVersionRunsChangesNothingForIt(
            @ArquillianResource @OperateOnDeployment("app") URL running) {
        String task = OpenHandsConversations.id("task-901");
        String conversation = OpenHandsConversations.id("conv-901");
        ENV.jira.stubFor(get(urlPathEqualTo("/rest/api/2/issue/ACME-901")).willReturn(okJson(
                "{\"id\":\"10911\",\"key\":\"ACME-901\",\"fields\":{\"summary\":\"Slow\",\"description\":\"Repository:"
                        + " acme/web-app\"}}")));
        ENV.jira.stubFor(get(urlPathEqualTo("/rest/api/2/issue/ACME-901/comment"))
                .willReturn(okJson("{\"startAt\":0,\"maxResults\":16,\"total\":0,\"comments\":[]}")));
        ENV.jira.stubFor(
                post("/rest/api/2/issue/ACME-901/comment").willReturn(aResponse().withStatus(201).withBody("{}")));
        CONVERSATIONS.startTaskIs("oh-900", task, "READY", conversation, null);
        CONVERSATIONS.conversationIs("oh-900", conversation, "running", "RUNNING");
        CONVERSATIONS.eventsAre("oh-900", conversation, OpenHandsConversations.observation("e1"));
        try {
            MigrateResult next = ENV.database.flyway()
                    .locations("classpath:db/migration", "classpath:db/next-version").load().migrate();
            assertEquals(1, next.migrationsExecuted, "the next version's migration");
            var accepted = new ActiveConnection(running, connection.id(), connection.secret())
                    .deliver(JiraEvent.commentCreated().issue("10911", "ACME-901")
                            .comment("10912", "@openhands speed it up")
                            .actor(ALICE, "JIRAUSER900", ALICE + "@example.com", "Alice").bytes(ENV.jiraUrl()));
            assertEquals(200, accepted.statusCode(), accepted.body());
            String start = Eventually.await(() -> comments("ACME-901").stream().findFirst(),
                    "the start on the migrated database");
            assertTrue(start.contains("I'm on it in acme/web-app") && start.contains("/conversations/" + conversation),
                    start);
            CONVERSATIONS.awaitEventsRead(conversation);
        } finally {
            deployer.undeploy("app");
        }
        CONVERSATIONS.eventsAre("oh-900", conversation, OpenHandsConversations.finish("e2", "Cached the report."));
        CONVERSATIONS.conversationIs("oh-900", conversation, "finished", "RUNNING", 8);
        deployer.deploy("app");
        try {
            String summary = Eventually.await(() -> Optional.of(comments("ACME-901")).filter(all -> all.size() >= 2)
                    .map(all -> all.get(1)), "the summary after a restart on the migrated database");
            assertTrue(summary.contains("OpenHands finished working in acme/web-app: [pull request #8|"
                    + "https://github.com/acme/web-app/pull/8].\n\nCached the report."), summary);
        } finally {
            deployer.undeploy("app");
        }
    }

    static List<String> comments() {
        return comments("ACME-900");
    }

    static List<String> comments(String issueKey) {
        return ENV.jira.findAll(postRequestedFor(urlEqualTo("/rest/api/2/issue/" + issueKey + "/comment"))).stream()
                .map(request -> Http.json(request.getBodyAsString()).getString("body")).toList();
    }

    static ActiveConnection connection;

    /** Alice with a linked account and API key, and an active connection. */
    void setUp(URL service) {
        Browser admin = ENV.signIn(service, "admin", "admin@example.com", List.of(IdentityProvider.ADMIN_GROUP));
        connection = ActiveConnection.create(service, admin);
        Browser alice = ENV.signIn(service, "sub-" + ALICE, ALICE + "@example.com", List.of());
        assertEquals("connected", JiraOAuthDance.connect(ENV, alice, JiraStubs.user(ENV.jiraUrl(), ALICE, "JIRAUSER900",
                ALICE + "@example.com", "Alice"), "code-900", "at-900", "rt-900"));
        OpenHandsUsers.keyBelongsTo(ENV.openHands, "oh-900", ALICE + "@example.com");
        alice.putJson("/api/integrations/jira-dc/account/openhands-api-key", "{\"apiKey\":\"oh-900\"}");
        ENV.openHands.stubFor(
                get("/api/v1/users/git-organizations").willReturn(okJson(JiraScenario.gitOrganizations("github"))));
        ENV.openHands.stubFor(
                get(urlPathEqualTo("/api/v1/git/repositories/search")).withQueryParam("provider", equalTo("github"))
                        .willReturn(okJson(JiraScenario.repositoryPage("github", "acme/web-app"))));
    }

    /**
     * As if the process were killed during its next attempt: the row stays claimed by it until its lease runs out.
     * (Written while the process still runs: it serves the test's H2 database.)
     */
    static void diedWhileProcessingIt() {
        try (Connection db = ENV.database.connect();
                var update = db.prepareStatement("update inbox set status = 'PROCESSING',"
                        + " claimed_by = 'a-process-that-died', lease_until = ? where status = 'PENDING'")) {
            update.setObject(1, java.time.OffsetDateTime.now().plusSeconds(2));
            assertEquals(1, update.executeUpdate());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Attempts that ended (the row waits for its retry), as opposed to one still running, whose lease would outlive the
     * process.
     */
    static int failedAttempts() {
        try (Connection db = ENV.database.connect();
                ResultSet rs = db.createStatement().executeQuery(
                        "select coalesce(max(attempts), 0) from inbox where status = 'PENDING'")) {
            rs.next();
            return rs.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
