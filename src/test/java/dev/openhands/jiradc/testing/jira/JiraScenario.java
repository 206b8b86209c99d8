package dev.openhands.jiradc.testing.jira;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.openhands.jiradc.testing.ActiveConnection;
import dev.openhands.jiradc.testing.Eventually;
import dev.openhands.jiradc.testing.Http;
import dev.openhands.jiradc.testing.ServiceUrls;
import dev.openhands.jiradc.testing.TestEnvironment;
import dev.openhands.jiradc.testing.browser.Browser;
import dev.openhands.jiradc.testing.identity.IdentityProvider;
import dev.openhands.jiradc.testing.openhands.OpenHandsConversations;
import dev.openhands.jiradc.testing.openhands.OpenHandsUsers;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * People, issues and deliveries for tests that go from a Jira event to what is said on the issue: WireMock
 * plays Jira and OpenHands, the service runs in its app server, and an admin's active connection signs.
 */
public final class JiraScenario {

    /** Ids (and so issue keys) of their own in each test JVM, as the classes of a build run in two at once. */
    private static final AtomicInteger IDS = new AtomicInteger(30000 + 1_000_000 * Integer.getInteger("it.fork", 0));

    public final TestEnvironment env;
    public final URL service;
    public final Browser admin;
    public final ActiveConnection connection;

    /** Every secret the scenarios handed the service (webhook secrets, OAuth tokens, API keys), for the leak scans. */
    private static final List<String> HANDED_OUT = new java.util.concurrent.CopyOnWriteArrayList<>();

    private JiraScenario(TestEnvironment env, URL service, Browser admin) {
        this.env = env;
        this.service = service;
        this.admin = admin;
        this.connection = ActiveConnection.create(service, admin);
        HANDED_OUT.add(connection.secret());
    }

    /** Every secret the scenarios so far handed the service, and the settings' own. */
    public static String[] secretsHandedOut(TestEnvironment env) {
        List<String> all = new java.util.ArrayList<>(HANDED_OUT);
        all.addAll(List.of(env.settings.secretValues()));
        return all.toArray(String[]::new);
    }

    /** Signs an admin in and activates a manual connection. */
    public static JiraScenario on(TestEnvironment env, URL service) {
        Browser admin = env.signIn(service, "admin-" + UUID.randomUUID(), "admin@example.com",
                List.of(IdentityProvider.ADMIN_GROUP));
        return new JiraScenario(env, service, admin);
    }

    /** Jira answers the service account's PAT, takes comments and reactions: call before the deployment starts. */
    public static void jiraTakesComments(TestEnvironment env) {
        env.jira.stubFor(
                get("/rest/api/2/myself").withHeader("Authorization", equalTo("Bearer " + env.settings.servicePat))
                        .willReturn(okJson(
                                JiraStubs.user(env.jiraUrl(), "openhands", "JIRAUSER10500", "openhands-bot@example.com",
                                        "OpenHands"))));
        env.jira.stubFor(post(urlPathMatching("/rest/api/2/issue/[^/]+/comment")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"99999\"}")));
        env.jira.stubFor(post("/rest/internal/2/reactions").willReturn(okJson("{}")));
    }

    public static String nextId() {
        return String.valueOf(IDS.incrementAndGet());
    }

    public Person person() {
        return new Person();
    }

    /** @param commentsNewestFirst the comments the service account reads, newest first, all by Bob */
    public Issue issue(String description, String... commentsNewestFirst) {
        return new Issue(description,
                Arrays.stream(commentsNewestFirst).map(JiraScenario::bobSays).toArray(Said[]::new));
    }

    /** @param commentsNewestFirst the comments the service account reads, newest first */
    public Issue issueWith(String description, Said... commentsNewestFirst) {
        return new Issue(description, commentsNewestFirst);
    }

    /** An issue of the Jira project with this key (the others are ACME's). */
    public Issue issueIn(String projectKey, String description, Said... commentsNewestFirst) {
        return new Issue(projectKey, description, commentsNewestFirst);
    }

    /** A comment on an issue, by someone, visible to everyone or only to a project role. */
    public record Said(String name, String key, String email, String displayName, String body, String role) {
    }

    /** A comment by Bob, who has no part in the scenario but to comment. */
    public static Said bobSays(String body) {
        return new Said("bob", "JIRAUSER2", "bob@example.com", "Bob Builder", body, null);
    }

    /** Delivers the event and checks that the service took it as a trigger. */
    public void deliver(JiraEvent event) {
        var response = connection.deliver(event.bytes(env.jiraUrl()));
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(Http.json(response).getString("outcome").startsWith("trigger"), response.body());
    }

    /** Delivers the event and returns the service's answer, whatever it is. */
    public JsonObject deliverAny(JiraEvent event) {
        var response = connection.deliver(event.bytes(env.jiraUrl()));
        assertEquals(200, response.statusCode(), response.body());
        return Http.json(response);
    }

    /** The first comment the bot posted on the issue, waiting for the asynchronous processing. */
    public String commentOn(Issue issue) {
        return commentsOn(issue, 1).get(0);
    }

    /** The first {@code count} comments the bot posted on the issue, oldest first, waiting for them. */
    public List<String> commentsOn(Issue issue, int count) {
        return awaitJira(postRequestedFor(urlEqualTo("/rest/api/2/issue/" + issue.key + "/comment")), count).stream()
                .map(request -> {
                    JsonObject json = Json.createReader(new StringReader(request.getBodyAsString())).readObject();
                    assertEquals("dev.openhands.jira-dc",
                            json.getJsonArray("properties").getJsonObject(0).getString("key"),
                            "the bot marks its comments");
                    return json.getString("body");
                }).toList();
    }

    /** Every comment the bot has posted on the issue so far, oldest first, without waiting. */
    public int commentCount(Issue issue) {
        return env.jira.findAll(postRequestedFor(urlEqualTo("/rest/api/2/issue/" + issue.key + "/comment"))).size();
    }

    /** The delivery-log line of the newest delivery with this outcome on the issue, once it has a result. */
    public JsonObject deliveryLogLine(Issue issue, String outcomePrefix) {
        return Eventually.await(
                () -> Http.json(admin.get("/api/integrations/jira-dc/deliveries?limit=500")).getJsonArray("deliveries")
                        .getValuesAs(JsonObject.class).stream()
                        .filter(line -> issue.key.equals(line.getString("issueKey", ""))
                                && line.getString("outcome").startsWith(outcomePrefix)
                                && line.containsKey("result"))
                        .findFirst(),
                "a delivery-log line '" + outcomePrefix + "' with a result on " + issue.key);
    }

    /** The Prometheus text at /ops/metrics. */
    public String metrics() {
        var response = Http
                .send(java.net.http.HttpRequest.newBuilder(ServiceUrls.local(service, "/ops/metrics")).build());
        assertEquals(200, response.statusCode());
        return response.body();
    }

    public List<LoggedRequest> awaitJira(RequestPatternBuilder pattern, int count) {
        return Eventually.await(() -> Optional.of(env.jira.findAll(pattern)).filter(found -> found.size() >= count),
                pattern.toString());
    }

    public List<LoggedRequest> awaitOpenHands(RequestPatternBuilder pattern, int count) {
        return Eventually.await(
                () -> Optional.of(env.openHands.findAll(pattern)).filter(found -> found.size() >= count),
                pattern.toString());
    }

    /** OpenHands answers a start with a WORKING task, which is READY with the conversation when asked. */
    public void startsConversation(String apiKey, String repository, String taskId, String conversationId) {
        new OpenHandsConversations(env.openHands, repository).startTaskIs(apiKey, taskId, "READY", conversationId,
                null);
    }

    /** The person's conversation in the repository starts, its ids derived from the person's. */
    public void startsConversation(Person person, String repository) {
        startsConversation(person.apiKey, repository, OpenHandsConversations.id("task-" + person.id),
                OpenHandsConversations.id("conv-" + person.id));
    }

    /** The text of the first message of the conversation started with this key. */
    public String firstMessageSentWith(String apiKey, int index) {
        LoggedRequest start = awaitOpenHands(postRequestedFor(urlEqualTo("/api/v1/app-conversations"))
                .withHeader("Authorization", equalTo("Bearer " + apiKey)), index + 1).get(index);
        return Json.createReader(new StringReader(start.getBodyAsString())).readObject()
                .getJsonObject("initial_message")
                .getJsonArray("content").getJsonObject(0).getString("text");
    }

    /** The answer of {@code /api/v1/users/git-organizations}: the provider a person works with in OpenHands. */
    public static String gitOrganizations(String provider) {
        return "{\"provider\":\"" + provider + "\",\"organizations\":[\"acme\"]}";
    }

    /** A page of {@code /api/v1/git/repositories/search}: the repositories with these names on the provider. */
    public static String repositoryPage(String provider, String... fullNames) {
        var items = Json.createArrayBuilder();
        for (String fullName : fullNames) {
            items.add(Json.createObjectBuilder().add("id", String.valueOf(Math.abs(fullName.hashCode())))
                    .add("full_name", fullName)
                    .add("git_provider", provider).add("is_public", false));
        }
        return Json.createObjectBuilder().add("items", items).addNull("next_page_id").build().toString();
    }

    /** A Jira user, and optionally their OpenHands account, Jira link and API key. */
    public final class Person {
        public final String id = nextId();
        public final String name = "user" + id;
        public final String key = "JIRAUSER" + id;
        public final String email = name + "@example.com";
        public final String apiKey = "oh-key-" + id;
        public Browser browser;

        public Person signedUp() {
            browser = env.signIn(service, "sub-" + id, email, List.of());
            return this;
        }

        public Person linked() {
            assertEquals("connected",
                    JiraOAuthDance.connect(env, browser, JiraStubs.user(env.jiraUrl(), name, key, email,
                            "User " + id), "code-" + id, "jira-access-token-" + id, "jira-refresh-token-" + id));
            HANDED_OUT.addAll(List.of("jira-access-token-" + id, "jira-refresh-token-" + id));
            return this;
        }

        public Person withApiKey() {
            OpenHandsUsers.keyBelongsTo(env.openHands, apiKey, email);
            var saved = browser.putJson("/api/integrations/jira-dc/account/openhands-api-key",
                    "{\"apiKey\":\"" + apiKey + "\"}");
            assertEquals(200, saved.statusCode(), saved.body());
            HANDED_OUT.add(apiKey);
            return this;
        }

        /** OpenHands says the person works with this Git provider ({@code /api/v1/users/git-organizations}). */
        public Person worksOn(String provider) {
            env.openHands.stubFor(
                    get("/api/v1/users/git-organizations").withHeader("Authorization", equalTo("Bearer " + apiKey))
                            .willReturn(okJson(gitOrganizations(provider))));
            return this;
        }

        /** OpenHands cannot say which provider the person works with (a server without that answer fails it). */
        public Person cannotTellItsProvider() {
            env.openHands.stubFor(
                    get("/api/v1/users/git-organizations").withHeader("Authorization", equalTo("Bearer " + apiKey))
                            .willReturn(serverError()));
            return this;
        }

        /** A person on GitHub who reaches the repository. */
        public Person canReach(String repository) {
            return worksOn("github").canReach(repository, "github");
        }

        /** Searching the provider for the repository finds it (and names like it). */
        public Person canReach(String repository, String provider) {
            return searchOn(provider, repository, repository + "-fork", repository);
        }

        /** What searching the provider for {@code query} finds, as OpenHands answers it. */
        public Person searchOn(String provider, String query, String... fullNames) {
            env.openHands.stubFor(get(urlPathEqualTo("/api/v1/git/repositories/search"))
                    .withQueryParam("provider", equalTo(provider))
                    .withQueryParam("query", equalTo(query)).withHeader("Authorization", equalTo("Bearer " + apiKey))
                    .willReturn(okJson(repositoryPage(provider, fullNames))));
            return this;
        }

        /** A person ready to start jobs in the repository. */
        public Person ready(String repository) {
            return signedUp().linked().withApiKey().canReach(repository);
        }

        public JiraEvent asks(JiraEvent event) {
            return event.actor(name, key, email, "User " + id);
        }

        public Said says(String body) {
            return new Said(name, key, email, "User " + id, body, null);
        }

        /** A comment only members of the project role see. */
        public Said saysTo(String role, String body) {
            return new Said(name, key, email, "User " + id, body, role);
        }
    }

    /** An issue in Jira: what the service account reads. */
    public final class Issue {
        public final String id = nextId();
        public final String key;

        Issue(String description, Said... commentsNewestFirst) {
            this("ACME", description, commentsNewestFirst);
        }

        Issue(String projectKey, String description, Said... commentsNewestFirst) {
            key = projectKey + "-" + id;
            JsonObject issue = Json.createObjectBuilder().add("id", id).add("key", key)
                    .add("self", env.jiraUrl() + "/rest/api/2/issue/" + id)
                    .add("fields", Json.createObjectBuilder().add("summary", "Login fails on empty password")
                            .add("description", description).add("labels", Json.createArrayBuilder().add("bug")))
                    .build();
            env.jira.stubFor(get(urlPathEqualTo("/rest/api/2/issue/" + key)).willReturn(okJson(issue.toString())));
            var comments = Json.createArrayBuilder();
            for (Said said : commentsNewestFirst) {
                var comment = Json.createObjectBuilder().add("id", nextId()).add("body", said.body())
                        .add("created", "2026-11-28T10:00:00.000+0000")
                        .add("author",
                                Json.createReader(
                                        new StringReader(JiraStubs.user(env.jiraUrl(), said.name(), said.key(),
                                                said.email(), said.displayName())))
                                        .readObject());
                if (said.role() != null) {
                    comment.add("visibility", Json.createObjectBuilder().add("type", "role").add("value", said.role()));
                }
                comments.add(comment);
            }
            env.jira.stubFor(get(urlPathEqualTo("/rest/api/2/issue/" + key + "/comment"))
                    .withQueryParam("orderBy", equalTo("-created"))
                    .willReturn(okJson(Json.createObjectBuilder().add("startAt", 0).add("maxResults", 16)
                            .add("total", commentsNewestFirst.length).add("comments", comments).build().toString())));
        }

        public JiraEvent comment(String commentId, String body) {
            return JiraEvent.commentCreated().issue(id, key).comment(commentId, body);
        }
    }
}
