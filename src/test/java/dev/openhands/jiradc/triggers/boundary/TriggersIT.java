package dev.openhands.jiradc.triggers.boundary;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.*;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.openhands.jiradc.testing.JiraEvent;
import dev.openhands.jiradc.testing.JiraScenario;
import dev.openhands.jiradc.testing.JiraScenario.Issue;
import dev.openhands.jiradc.testing.JiraScenario.Person;
import dev.openhands.jiradc.testing.OpenHandsConversations;
import dev.openhands.jiradc.testing.TestEnvironment;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
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
 * From a signed Jira delivery to what the person sees on the issue, over real HTTP with WireMock
 * playing Jira and OpenHands: each path's exact comment, and the exact request OpenHands gets.
 */
@ExtendWith(ArquillianExtension.class)
class TriggersIT {

    static final TestEnvironment ENV = TestEnvironment.start();
    static final WireMockServer JIRA = ENV.jira;
    static final WireMockServer OPENHANDS = ENV.openHands;
    static final String APP = ENV.openHandsUrl();

    @ArquillianResource
    URL service;

    JiraScenario world;

    @Deployment(testable = false)
    static WebArchive deployment() {
        JiraScenario.jiraTakesComments(ENV);
        // quick retries, so that giving up can be seen within the test
        return ENV.deployment().with("jira-dc.processing.first-retry", "PT0.2S").with("jira-dc.processing.max-attempts", "3").war();
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
    void aLinkedUserWithAccessGetsAConversationAndTheLinkOnTheIssue() {
        Person alice = world.person().signedUp().linked().withApiKey().canReach("acme/web-app");
        world.startsConversation(alice.apiKey, "acme/web-app", OpenHandsConversations.id("task-" + alice.id),
                OpenHandsConversations.id("conv-" + alice.id));
        Issue issue = world.issue("Steps: submit the form without a password.\r\n\r\nRepository: acme/web-app",
                "Looks like a null check", "I can reproduce it");
        String commentId = JiraScenario.nextId();
        world.deliver(alice.asks(issue.comment(commentId, "@openhands please fix this")));

        assertEquals("[~" + alice.name + "] I'm on it in acme/web-app: [follow the conversation in OpenHands|" + APP
                + "/conversations/" + OpenHandsConversations.id("conv-" + alice.id) + "].", world.commentOn(issue));

        LoggedRequest start = OPENHANDS.findAll(postRequestedFor(urlEqualTo("/api/v1/app-conversations"))
                .withHeader("Authorization", equalTo("Bearer " + alice.apiKey))).get(0);
        JsonObject request = Json.createReader(new StringReader(start.getBodyAsString())).readObject();
        assertEquals("Jira DC " + issue.key + ": Login fails on empty password", request.getString("title"));
        assertEquals("acme/web-app", request.getString("selected_repository"));
        assertEquals("user", request.getJsonObject("initial_message").getString("role"));
        assertEquals("""
                Jira Data Center issue %1$s: %2$s/browse/%1$s

                Summary: Login fails on empty password

                Description:
                Steps: submit the form without a password.\r
                \r
                Repository: acme/web-app

                Request from User %3$s:
                @openhands please fix this

                Earlier comments, oldest first:
                - Bob Builder, 2026-11-28T10:00:00.000+0000: I can reproduce it
                - Bob Builder, 2026-11-28T10:00:00.000+0000: Looks like a null check

                Work in the repository acme/web-app on a new branch named %1$s. When the change is ready, open a pull request \
                titled "[%1$s] <what it does>".""".formatted(issue.key, ENV.jiraUrl(), alice.id),
                request.getJsonObject("initial_message").getJsonArray("content").getJsonObject(0).getString("text"));

        world.awaitJira(postRequestedFor(urlEqualTo("/rest/internal/2/reactions"))
                .withRequestBody(equalToJson("{\"commentId\":\"" + commentId + "\",\"emojiId\":\"1f44d\"}")), 1);
    }

    @Test
    void aJiraUserWithoutAnAccountIsToldToSignUp() {
        Person stranger = world.person();
        Issue issue = world.issue("Repository: acme/web-app");
        world.deliver(stranger.asks(issue.comment(JiraScenario.nextId(), "@openhands")));
        assertEquals("[~" + stranger.name + "] I can't start OpenHands for you yet: there is no OpenHands account for "
                + stranger.email + ". Sign up at [OpenHands|" + APP + "] with that email address, then try again.", world.commentOn(issue));
    }

    @Test
    void anAccountThatHasNotConnectedJiraIsToldToConnect() {
        Person bob = world.person().signedUp();
        Issue issue = world.issue("Repository: acme/web-app");
        world.deliver(bob.asks(issue.comment(JiraScenario.nextId(), "@openhands")));
        assertEquals("[~" + bob.name + "] You have an OpenHands account, but you have not connected Jira Data Center to it yet."
                + " Connect it at [Settings > Integrations|" + APP + "/settings/integrations], then try again.", world.commentOn(issue));
    }

    @Test
    void anAccountWithoutAnApiKeyIsToldToFinishSetup() {
        Person carol = world.person().signedUp().linked();
        Issue issue = world.issue("Repository: acme/web-app");
        world.deliver(carol.asks(issue.comment(JiraScenario.nextId(), "@openhands")));
        assertEquals("[~" + carol.name + "] Your accounts are connected, but your OpenHands setup is not finished: add your"
                + " OpenHands API key at [Settings > Integrations|" + APP + "/settings/integrations], then try again.",
                world.commentOn(issue));
    }

    @Test
    void anIssueWithoutARepositoryGetsTheLineToAdd() {
        Person dan = world.person().signedUp().linked().withApiKey();
        Issue issue = world.issue("No repository here", "Repo is the usual one");
        world.deliver(dan.asks(issue.comment(JiraScenario.nextId(), "@openhands")));
        assertEquals("[~" + dan.name + "] I can't tell which repository to work on. Add a line like this to the description or"
                + " to a comment, then try again:\n{noformat}\nRepository: org/repo\n{noformat}", world.commentOn(issue));
        assertTrue(OPENHANDS.findAll(postRequestedFor(urlEqualTo("/api/v1/app-conversations"))
                .withHeader("Authorization", equalTo("Bearer " + dan.apiKey))).isEmpty());
    }

    @Test
    void twoRepositoriesAtTheSameLevelAreAskedAbout() {
        Person erin = world.person().signedUp().linked().withApiKey();
        Issue issue = world.issue("Repository: acme/web-app", "Repository: acme/api\nRepository: acme/mobile");
        world.deliver(erin.asks(issue.comment(JiraScenario.nextId(), "@openhands")));
        assertEquals("[~" + erin.name + "] This issue names more than one repository: acme/api, acme/mobile. Which one should I"
                + " work on? Add a comment with just that one as {{Repository: org/repo}}, then try again.", world.commentOn(issue));
    }

    @Test
    void aRepositoryTheUserCannotReachIsNamed() {
        Person fay = world.person().signedUp().linked().withApiKey();
        OPENHANDS.stubFor(get(urlPathEqualTo("/api/user/search/repositories")).withHeader("Authorization",
                equalTo("Bearer " + fay.apiKey)).willReturn(okJson("[{\"id\":\"1\",\"full_name\":\"acme/web-app-fork\"}]")));
        Issue issue = world.issue("Repository: acme/secret-sauce");
        world.deliver(fay.asks(issue.comment(JiraScenario.nextId(), "@openhands")));
        assertEquals("[~" + fay.name + "] I can't reach the repository acme/secret-sauce through your OpenHands account. Check"
                + " that the name is right and that the Git account linked to your OpenHands user can access"
                + " acme/secret-sauce, then try again.", world.commentOn(issue));
    }

    @Test
    void aKeyOpenHandsNoLongerAcceptsIsToldToBeUpdated() {
        Person gus = world.person().signedUp().linked().withApiKey();
        OPENHANDS.stubFor(get(urlPathEqualTo("/api/user/search/repositories")).withHeader("Authorization",
                equalTo("Bearer " + gus.apiKey)).willReturn(unauthorized()));
        Issue issue = world.issue("Repository: acme/web-app");
        world.deliver(gus.asks(issue.comment(JiraScenario.nextId(), "@openhands")));
        assertEquals("[~" + gus.name + "] OpenHands did not accept your API key. Update it at [Settings > Integrations|" + APP
                + "/settings/integrations], then try again.", world.commentOn(issue));
    }

    @Test
    void addingTheLabelStartsAJobWithLabelAsTheRequest() {
        Person hal = world.person().signedUp().linked().withApiKey().canReach("acme/web-app");
        world.startsConversation(hal.apiKey, "acme/web-app", OpenHandsConversations.id("task-" + hal.id),
                OpenHandsConversations.id("conv-" + hal.id));
        Issue issue = world.issue("Repository: acme/web-app");
        world.deliver(hal.asks(JiraEvent.issueUpdated().issue(issue.id, issue.key).labels(List.of("bug"), List.of("bug", "openhands"))));
        assertTrue(world.commentOn(issue).contains("I'm on it in acme/web-app"));
        String text = Json.createReader(new StringReader(OPENHANDS.findAll(postRequestedFor(urlEqualTo("/api/v1/app-conversations"))
                .withHeader("Authorization", equalTo("Bearer " + hal.apiKey))).get(0).getBodyAsString())).readObject()
                .getJsonObject("initial_message").getJsonArray("content").getJsonObject(0).getString("text");
        assertTrue(text.contains("Request from User " + hal.id + ":\nThe label asking for OpenHands was added to the issue."), text);
    }

    @Test
    void jiraRateLimitingIsWaitedOut() {
        Person ida = world.person().signedUp().linked().withApiKey().canReach("acme/web-app");
        world.startsConversation(ida.apiKey, "acme/web-app", OpenHandsConversations.id("task-" + ida.id),
                OpenHandsConversations.id("conv-" + ida.id));
        Issue issue = world.issue("Repository: acme/web-app");
        JIRA.stubFor(get(urlPathEqualTo("/rest/api/2/issue/" + issue.key)).inScenario(issue.key)
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("slowed down")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));
        world.deliver(ida.asks(issue.comment(JiraScenario.nextId(), "@openhands")));
        assertTrue(world.commentOn(issue).contains("I'm on it in acme/web-app"));
        assertEquals(2, JIRA.findAll(getRequestedFor(urlPathEqualTo("/rest/api/2/issue/" + issue.key))).size(),
                "read again after Retry-After");
    }

    @Test
    void anOpenHandsOutageIsRetriedThenReportedOnTheIssue() {
        Person jo = world.person().signedUp().linked().withApiKey().canReach("acme/web-app");
        OPENHANDS.stubFor(post("/api/v1/app-conversations").withHeader("Authorization", equalTo("Bearer " + jo.apiKey))
                .willReturn(serviceUnavailable().withBody("upstream sandbox pool exhausted")));
        Issue issue = world.issue("Repository: acme/web-app");
        world.deliver(jo.asks(issue.comment(JiraScenario.nextId(), "@openhands")));
        assertEquals("[~" + jo.name + "] I couldn't start the job: OpenHands answered 503 when asked to start a conversation:"
                + " upstream sandbox pool exhausted. Try again later by commenting @openhands.", world.commentOn(issue));
        assertEquals(3, OPENHANDS.findAll(postRequestedFor(urlEqualTo("/api/v1/app-conversations"))
                .withHeader("Authorization", equalTo("Bearer " + jo.apiKey))).size(), "three attempts, as configured");
    }
}
