package dev.openhands.jiradc.triggers.boundary;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.*;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.openhands.jiradc.testing.ActiveConnection;
import dev.openhands.jiradc.testing.Browser;
import dev.openhands.jiradc.testing.Eventually;
import dev.openhands.jiradc.testing.JiraOAuthDance;
import dev.openhands.jiradc.testing.Http;
import dev.openhands.jiradc.testing.IdentityProvider;
import dev.openhands.jiradc.testing.JiraEvent;
import dev.openhands.jiradc.testing.JiraStubs;
import dev.openhands.jiradc.testing.TestEnvironment;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
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
    static final AtomicInteger IDS = new AtomicInteger(30000);

    @ArquillianResource
    URL service;

    ActiveConnection connection;

    @Deployment(testable = false)
    static WebArchive deployment() {
        JIRA.stubFor(get("/rest/api/2/myself").withHeader("Authorization", equalTo("Bearer " + ENV.settings.servicePat))
                .willReturn(okJson(JiraStubs.user(ENV.jiraUrl(), "openhands", "JIRAUSER10500", "openhands-bot@example.com",
                        "OpenHands"))));
        JIRA.stubFor(post(urlPathMatching("/rest/api/2/issue/[^/]+/comment")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"99999\"}")));
        JIRA.stubFor(post("/rest/internal/2/reactions").willReturn(okJson("{}")));
        // quick retries, so that giving up can be seen within the test
        return ENV.deployment().with("jira-dc.processing.first-retry", "PT0.2S").with("jira-dc.processing.max-attempts", "3").war();
    }

    @AfterAll
    static void stop() {
        ENV.stop();
    }

    @BeforeEach
    void anActiveConnection() {
        Browser admin = ENV.signIn(service, "admin-" + UUID.randomUUID(), "admin@example.com", List.of(IdentityProvider.ADMIN_GROUP));
        connection = ActiveConnection.create(service, admin);
    }

    /** A Jira user, and optionally their OpenHands account, Jira link and API key. */
    class Person {
        final String id = String.valueOf(IDS.incrementAndGet());
        final String name = "user" + id;
        final String key = "JIRAUSER" + id;
        final String email = name + "@example.com";
        final String apiKey = "oh-key-" + id;
        Browser browser;

        Person signedUp() {
            browser = ENV.signIn(service, "sub-" + id, email, List.of());
            return this;
        }

        Person linked() {
            assertEquals("connected", JiraOAuthDance.connect(ENV, browser, JiraStubs.user(ENV.jiraUrl(), name, key, email,
                    "User " + id), "code-" + id, "at-" + id, "rt-" + id));
            return this;
        }

        Person withApiKey() {
            OPENHANDS.stubFor(get("/api/v1/users/me").withHeader("Authorization", equalTo("Bearer " + apiKey))
                    .willReturn(okJson("{\"id\":\"u-" + id + "\",\"email\":\"" + email + "\"}")));
            assertEquals(200, browser.putJson("/api/integrations/jira-dc/account/openhands-api-key",
                    "{\"apiKey\":\"" + apiKey + "\"}").statusCode());
            return this;
        }

        Person canReach(String repository) {
            OPENHANDS.stubFor(get(urlPathEqualTo("/api/user/search/repositories")).withQueryParam("query", equalTo(repository))
                    .withHeader("Authorization", equalTo("Bearer " + apiKey))
                    .willReturn(okJson("[{\"id\":\"77\",\"full_name\":\"" + repository + "\",\"git_provider\":\"github\","
                            + "\"is_public\":false}]")));
            return this;
        }

        JiraEvent asks(JiraEvent event) {
            return event.actor(name, key, email, "User " + id);
        }
    }

    /** An issue in Jira: what the service account reads. */
    static class Issue {
        final String id = String.valueOf(IDS.incrementAndGet());
        final String key = "ACME-" + id;

        Issue(String description, String... commentsNewestFirst) {
            JsonObject issue = Json.createObjectBuilder().add("id", id).add("key", key)
                    .add("self", ENV.jiraUrl() + "/rest/api/2/issue/" + id)
                    .add("fields", Json.createObjectBuilder().add("summary", "Login fails on empty password")
                            .add("description", description).add("labels", Json.createArrayBuilder().add("bug")))
                    .build();
            JIRA.stubFor(get(urlPathEqualTo("/rest/api/2/issue/" + key)).willReturn(okJson(issue.toString())));
            var comments = Json.createArrayBuilder();
            for (String body : commentsNewestFirst) {
                comments.add(Json.createObjectBuilder().add("id", String.valueOf(IDS.incrementAndGet())).add("body", body)
                        .add("created", "2026-11-28T10:00:00.000+0000")
                        .add("author", Json.createReader(new StringReader(JiraStubs.user(ENV.jiraUrl(), "bob", "JIRAUSER2",
                                "bob@example.com", "Bob Builder"))).readObject()));
            }
            JIRA.stubFor(get(urlPathEqualTo("/rest/api/2/issue/" + key + "/comment")).withQueryParam("orderBy", equalTo("-created"))
                    .willReturn(okJson(Json.createObjectBuilder().add("startAt", 0).add("maxResults", 16)
                            .add("total", commentsNewestFirst.length).add("comments", comments).build().toString())));
        }

        JiraEvent comment(String commentId, String body) {
            return JiraEvent.commentCreated().issue(id, key).comment(commentId, body);
        }
    }

    void deliver(JiraEvent event) {
        var response = connection.deliver(event.bytes(ENV.jiraUrl()));
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(Http.json(response).getString("outcome").startsWith("trigger"), response.body());
    }

    /** The comment the bot posted on the issue, waiting for the asynchronous processing. */
    static String commentOn(Issue issue) {
        return awaitRequests(postRequestedFor(urlEqualTo("/rest/api/2/issue/" + issue.key + "/comment")), 1).get(0)
                .getBodyAsString().transform(body -> {
                    JsonObject json = Json.createReader(new StringReader(body)).readObject();
                    assertEquals("dev.openhands.jira-dc", json.getJsonArray("properties").getJsonObject(0).getString("key"),
                            "the bot marks its comments");
                    return json.getString("body");
                });
    }

    static List<LoggedRequest> awaitRequests(com.github.tomakehurst.wiremock.matching.RequestPatternBuilder pattern, int count) {
        return Eventually.await(() -> Optional.of(JIRA.findAll(pattern)).filter(found -> found.size() >= count), pattern.toString());
    }


    static void startsConversation(String apiKey, String taskId, String conversationId) {
        OPENHANDS.stubFor(post("/api/v1/app-conversations").withHeader("Authorization", equalTo("Bearer " + apiKey))
                .willReturn(okJson("{\"id\":\"" + taskId + "\",\"status\":\"WORKING\",\"app_conversation_id\":null}")));
        OPENHANDS.stubFor(get(urlPathEqualTo("/api/v1/app-conversations/start-tasks")).withQueryParam("ids", equalTo(taskId))
                .willReturn(okJson("[{\"id\":\"" + taskId + "\",\"status\":\"READY\",\"app_conversation_id\":\"" + conversationId + "\"}]")));
    }

    @Test
    void aLinkedUserWithAccessGetsAConversationAndTheLinkOnTheIssue() {
        Person alice = new Person().signedUp().linked().withApiKey().canReach("acme/web-app");
        startsConversation(alice.apiKey, "task-" + alice.id, "conv-" + alice.id);
        Issue issue = new Issue("Steps: submit the form without a password.\r\n\r\nRepository: acme/web-app",
                "Looks like a null check", "I can reproduce it");
        String commentId = String.valueOf(IDS.incrementAndGet());
        deliver(alice.asks(issue.comment(commentId, "@openhands please fix this")));

        assertEquals("[~" + alice.name + "] I'm on it in acme/web-app: [follow the conversation in OpenHands|" + APP
                + "/conversations/conv-" + alice.id + "].", commentOn(issue));

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

        awaitRequests(postRequestedFor(urlEqualTo("/rest/internal/2/reactions"))
                .withRequestBody(equalToJson("{\"commentId\":\"" + commentId + "\",\"emojiId\":\"1f44d\"}")), 1);
    }

    @Test
    void aJiraUserWithoutAnAccountIsToldToSignUp() {
        Person stranger = new Person();
        Issue issue = new Issue("Repository: acme/web-app");
        deliver(stranger.asks(issue.comment(String.valueOf(IDS.incrementAndGet()), "@openhands")));
        assertEquals("[~" + stranger.name + "] I can't start OpenHands for you yet: there is no OpenHands account for "
                + stranger.email + ". Sign up at [OpenHands|" + APP + "] with that email address, then try again.", commentOn(issue));
    }

    @Test
    void anAccountThatHasNotConnectedJiraIsToldToConnect() {
        Person bob = new Person().signedUp();
        Issue issue = new Issue("Repository: acme/web-app");
        deliver(bob.asks(issue.comment(String.valueOf(IDS.incrementAndGet()), "@openhands")));
        assertEquals("[~" + bob.name + "] You have an OpenHands account, but you have not connected Jira Data Center to it yet."
                + " Connect it at [Settings > Integrations|" + APP + "/settings/integrations], then try again.", commentOn(issue));
    }

    @Test
    void anAccountWithoutAnApiKeyIsToldToFinishSetup() {
        Person carol = new Person().signedUp().linked();
        Issue issue = new Issue("Repository: acme/web-app");
        deliver(carol.asks(issue.comment(String.valueOf(IDS.incrementAndGet()), "@openhands")));
        assertEquals("[~" + carol.name + "] Your accounts are connected, but your OpenHands setup is not finished: add your"
                + " OpenHands API key at [Settings > Integrations|" + APP + "/settings/integrations], then try again.",
                commentOn(issue));
    }

    @Test
    void anIssueWithoutARepositoryGetsTheLineToAdd() {
        Person dan = new Person().signedUp().linked().withApiKey();
        Issue issue = new Issue("No repository here", "Repo is the usual one");
        deliver(dan.asks(issue.comment(String.valueOf(IDS.incrementAndGet()), "@openhands")));
        assertEquals("[~" + dan.name + "] I can't tell which repository to work on. Add a line like this to the description or"
                + " to a comment, then try again:\n{noformat}\nRepository: org/repo\n{noformat}", commentOn(issue));
        assertTrue(OPENHANDS.findAll(postRequestedFor(urlEqualTo("/api/v1/app-conversations"))
                .withHeader("Authorization", equalTo("Bearer " + dan.apiKey))).isEmpty());
    }

    @Test
    void twoRepositoriesAtTheSameLevelAreAskedAbout() {
        Person erin = new Person().signedUp().linked().withApiKey();
        Issue issue = new Issue("Repository: acme/web-app", "Repository: acme/api\nRepository: acme/mobile");
        deliver(erin.asks(issue.comment(String.valueOf(IDS.incrementAndGet()), "@openhands")));
        assertEquals("[~" + erin.name + "] This issue names more than one repository: acme/api, acme/mobile. Which one should I"
                + " work on? Add a comment with just that one as {{Repository: org/repo}}, then try again.", commentOn(issue));
    }

    @Test
    void aRepositoryTheUserCannotReachIsNamed() {
        Person fay = new Person().signedUp().linked().withApiKey();
        OPENHANDS.stubFor(get(urlPathEqualTo("/api/user/search/repositories")).withHeader("Authorization",
                equalTo("Bearer " + fay.apiKey)).willReturn(okJson("[{\"id\":\"1\",\"full_name\":\"acme/web-app-fork\"}]")));
        Issue issue = new Issue("Repository: acme/secret-sauce");
        deliver(fay.asks(issue.comment(String.valueOf(IDS.incrementAndGet()), "@openhands")));
        assertEquals("[~" + fay.name + "] I can't reach the repository acme/secret-sauce through your OpenHands account. Check"
                + " that the name is right and that the Git account linked to your OpenHands user can access"
                + " acme/secret-sauce, then try again.", commentOn(issue));
    }

    @Test
    void aKeyOpenHandsNoLongerAcceptsIsToldToBeUpdated() {
        Person gus = new Person().signedUp().linked().withApiKey();
        OPENHANDS.stubFor(get(urlPathEqualTo("/api/user/search/repositories")).withHeader("Authorization",
                equalTo("Bearer " + gus.apiKey)).willReturn(unauthorized()));
        Issue issue = new Issue("Repository: acme/web-app");
        deliver(gus.asks(issue.comment(String.valueOf(IDS.incrementAndGet()), "@openhands")));
        assertEquals("[~" + gus.name + "] OpenHands did not accept your API key. Update it at [Settings > Integrations|" + APP
                + "/settings/integrations], then try again.", commentOn(issue));
    }

    @Test
    void addingTheLabelStartsAJobWithLabelAsTheRequest() {
        Person hal = new Person().signedUp().linked().withApiKey().canReach("acme/web-app");
        startsConversation(hal.apiKey, "task-" + hal.id, "conv-" + hal.id);
        Issue issue = new Issue("Repository: acme/web-app");
        deliver(hal.asks(JiraEvent.issueUpdated().issue(issue.id, issue.key).labels(List.of("bug"), List.of("bug", "openhands"))));
        assertTrue(commentOn(issue).contains("I'm on it in acme/web-app"));
        String text = Json.createReader(new StringReader(OPENHANDS.findAll(postRequestedFor(urlEqualTo("/api/v1/app-conversations"))
                .withHeader("Authorization", equalTo("Bearer " + hal.apiKey))).get(0).getBodyAsString())).readObject()
                .getJsonObject("initial_message").getJsonArray("content").getJsonObject(0).getString("text");
        assertTrue(text.contains("Request from User " + hal.id + ":\nThe label asking for OpenHands was added to the issue."), text);
    }

    @Test
    void jiraRateLimitingIsWaitedOut() {
        Person ida = new Person().signedUp().linked().withApiKey().canReach("acme/web-app");
        startsConversation(ida.apiKey, "task-" + ida.id, "conv-" + ida.id);
        Issue issue = new Issue("Repository: acme/web-app");
        JIRA.stubFor(get(urlPathEqualTo("/rest/api/2/issue/" + issue.key)).inScenario(issue.key)
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("slowed down")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));
        deliver(ida.asks(issue.comment(String.valueOf(IDS.incrementAndGet()), "@openhands")));
        assertTrue(commentOn(issue).contains("I'm on it in acme/web-app"));
        assertEquals(2, JIRA.findAll(getRequestedFor(urlPathEqualTo("/rest/api/2/issue/" + issue.key))).size(),
                "read again after Retry-After");
    }

    @Test
    void anOpenHandsOutageIsRetriedThenReportedOnTheIssue() {
        Person jo = new Person().signedUp().linked().withApiKey().canReach("acme/web-app");
        OPENHANDS.stubFor(post("/api/v1/app-conversations").withHeader("Authorization", equalTo("Bearer " + jo.apiKey))
                .willReturn(serviceUnavailable().withBody("upstream sandbox pool exhausted")));
        Issue issue = new Issue("Repository: acme/web-app");
        deliver(jo.asks(issue.comment(String.valueOf(IDS.incrementAndGet()), "@openhands")));
        assertEquals("[~" + jo.name + "] I couldn't start the job: OpenHands answered 503 when asked to start a conversation:"
                + " upstream sandbox pool exhausted. Try again later by commenting @openhands.", commentOn(issue));
        assertEquals(3, OPENHANDS.findAll(postRequestedFor(urlEqualTo("/api/v1/app-conversations"))
                .withHeader("Authorization", equalTo("Bearer " + jo.apiKey))).size(), "three attempts, as configured");
    }
}
