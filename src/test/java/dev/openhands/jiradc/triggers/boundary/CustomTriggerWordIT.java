package dev.openhands.jiradc.triggers.boundary;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.openhands.jiradc.testing.TestEnvironment;
import dev.openhands.jiradc.testing.jira.JiraEvent;
import dev.openhands.jiradc.testing.jira.JiraScenario;
import dev.openhands.jiradc.testing.jira.JiraScenario.Issue;
import dev.openhands.jiradc.testing.jira.JiraScenario.Person;
import dev.openhands.jiradc.testing.openhands.OpenHandsConversations;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An installation that calls the bot {@code ai-fix} ({@code jira-dc.trigger.label}): that label and {@code @ai-fix}
 * start jobs, {@code openhands} no longer does, and the bot tells people the word they use.
 */
@ExtendWith(ArquillianExtension.class)
class CustomTriggerWordIT {

    static final TestEnvironment ENV = TestEnvironment.start();
    static final String REPOSITORY = "acme/web-app";

    @ArquillianResource
    URL service;

    JiraScenario world;

    @Deployment(testable = false)
    static WebArchive deployment() {
        JiraScenario.jiraTakesComments(ENV);
        return ENV.deployment().with("jira-dc.trigger.label", "ai-fix").with("jira-dc.jobs.poll-interval", "PT0.2S")
                .war();
    }

    @AfterAll
    static void stop() {
        ENV.stop();
    }

    @BeforeEach
    void anActiveConnection() {
        world = JiraScenario.on(ENV, service);
    }

    @Test
    void theConfiguredLabelStartsAJobAndItsEndNamesTheWordToAskAgainWith() {
        Person kim = world.person().ready(REPOSITORY);
        OpenHandsConversations openHands = new OpenHandsConversations(ENV.openHands, REPOSITORY);
        String conversation = OpenHandsConversations.id("conv-" + kim.id);
        openHands.startTaskIs(kim.apiKey, OpenHandsConversations.id("task-" + kim.id), "READY", conversation, null);
        openHands.conversationIs(kim.apiKey, conversation, "finished", "RUNNING");
        openHands.eventsAre(kim.apiKey, conversation, OpenHandsConversations.finish("e1", "Done."));
        Issue issue = world.issue("Repository: " + REPOSITORY);
        world.deliver(
                kim.asks(JiraEvent.issueUpdated().issue(issue.id, issue.key).labels(List.of(), List.of("ai-fix"))));

        List<String> said = world.commentsOn(issue, 2);
        assertTrue(said.get(0).contains("I'm on it in " + REPOSITORY), said.get(0));
        assertTrue(said.get(1).endsWith("To ask for more, comment @ai-fix on this issue."), said.get(1));
    }

    @Test
    void theMentionIsTheConfiguredWordAndTheDefaultOneStartsNothing() {
        Person lee = world.person().signedUp().linked().withApiKey();
        Issue issue = world.issue("No repository here");
        assertTrue(world.deliverAny(lee.asks(issue.comment(JiraScenario.nextId(), "@openhands please")))
                .getString("outcome")
                .startsWith("no trigger"));
        assertTrue(world.deliverAny(lee.asks(JiraEvent.issueUpdated().issue(issue.id, issue.key)
                .labels(List.of(), List.of("openhands")))).getString("outcome").startsWith("no trigger"));
        world.deliver(lee.asks(issue.comment(JiraScenario.nextId(), "@ai-fix please")));
        assertTrue(world.commentOn(issue).startsWith("[~" + lee.name + "] I can't tell which repository to work on."),
                "only the configured word was answered");
        assertEquals(1, world.commentCount(issue));
        assertTrue(ENV.openHands.findAll(postRequestedFor(urlEqualTo("/api/v1/app-conversations"))
                .withHeader("Authorization", equalTo("Bearer " + lee.apiKey))).isEmpty());
    }
}
