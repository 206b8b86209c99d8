package dev.openhands.jiradc.triggers.boundary;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.*;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.openhands.jiradc.testing.Http;
import dev.openhands.jiradc.testing.TestEnvironment;
import dev.openhands.jiradc.testing.jira.JiraScenario;
import dev.openhands.jiradc.testing.jira.JiraScenario.Issue;
import dev.openhands.jiradc.testing.jira.JiraScenario.Person;
import dev.openhands.jiradc.testing.openhands.OpenHandsConversations;
import dev.openhands.jiradc.testing.openhands.OpenHandsServiceKeys;
import dev.openhands.jiradc.testing.server.Leaks;
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
 * Service-to-service mode ({@code openhands.service-api-key} and {@code openhands.org-id}): teammates sign in and
 * connect Jira, nothing more; the service gets each one's OpenHands API key itself, and says on the issue what to do
 * when OpenHands has none for them.
 */
@ExtendWith(ArquillianExtension.class)
class ServiceKeyIT {

    static final TestEnvironment ENV = TestEnvironment.start();
    static final String APP = ENV.openHandsUrl();
    static final String SERVICE_KEY = ENV.settings.serviceApiKey;
    static final OpenHandsServiceKeys OPENHANDS = new OpenHandsServiceKeys(ENV.openHands, SERVICE_KEY,
            ENV.settings.orgId);

    @ArquillianResource
    URL service;

    JiraScenario world;

    @Deployment(testable = false)
    static WebArchive deployment() {
        JiraScenario.jiraTakesComments(ENV);
        OPENHANDS.acceptTheServiceKey();
        return ENV.deployment().with("openhands.service-api-key", SERVICE_KEY)
                .with("openhands.org-id", ENV.settings.orgId).war();
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
    void aTeammateWhoOnlySignedInAndConnectedJiraStartsAJob() {
        Person alice = world.person().signedUp().linked().canReach("acme/web-app");
        OPENHANDS.issue(userId(alice), alice.apiKey);
        asksAndIsOnIt(alice);
        assertEquals(1, OPENHANDS.requestsFor(userId(alice)).size(), "the key is kept, not asked for again");

        // the service key goes to the service API only, the person's key only as their bearer token
        for (LoggedRequest request : ENV.openHands.getAllServeEvents().stream().map(e -> e.getRequest()).toList()) {
            boolean serviceApi = request.getUrl().startsWith("/api/service/");
            assertEquals(serviceApi, request.containsHeader("X-Service-API-Key"), request.getUrl());
            if (serviceApi) {
                assertEquals(SERVICE_KEY, request.getHeader("X-Service-API-Key"));
                assertFalse(request.containsHeader("Authorization"), request.getUrl());
            }
            assertFalse(request.getBodyAsString().contains(SERVICE_KEY) || request.getUrl().contains(SERVICE_KEY),
                    request.getUrl());
            assertFalse(request.getUrl().contains(alice.apiKey), request.getUrl());
        }
        assertFalse(ENV.openHands
                .findAll(anyRequestedFor(anyUrl()).withHeader("Authorization", equalTo("Bearer " + alice.apiKey)))
                .isEmpty());

        // nothing to paste, and no API answer shows a key
        var account = alice.browser.get("/api/integrations/jira-dc/account");
        assertEquals("managed", Http.json(account).getString("openHandsApiKey"));
        var paste = alice.browser.putJson("/api/integrations/jira-dc/account/openhands-api-key",
                "{\"apiKey\":\"oh-pasted\"}");
        assertEquals(409, paste.statusCode());
        assertTrue(paste.body().contains("openhands.service-api-key is set"), paste.body());
        assertEquals(409, alice.browser.delete("/api/integrations/jira-dc/account/openhands-api-key").statusCode());
        var diagnostics = world.admin.get("/api/integrations/jira-dc/diagnostics");
        for (String answer : List.of(account.body(), paste.body(), diagnostics.body(),
                world.admin.get("/api/integrations/jira-dc/deliveries").body())) {
            assertFalse(answer.contains(SERVICE_KEY) || answer.contains(alice.apiKey), answer);
        }
        Leaks.assertNotStoredOrLogged(ENV.database, SERVICE_KEY, alice.apiKey);
    }

    @Test
    void aKeyOpenHandsRefusesIsFetchedAgainOnceAndTheJobStarts() {
        Person bob = world.person().signedUp().linked().canReach("acme/web-app");
        String stale = "oh-stale-" + bob.id;
        OPENHANDS.issueInTurn(userId(bob), stale, bob.apiKey);
        ENV.openHands.stubFor(any(anyUrl()).withHeader("Authorization", equalTo("Bearer " + stale)).atPriority(1)
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"detail\":\"Invalid API key\"}")));
        asksAndIsOnIt(bob);
        assertEquals(2, OPENHANDS.requestsFor(userId(bob)).size(), "fetched once more after the refusal");
        assertFalse(ENV.openHands
                .findAll(anyRequestedFor(anyUrl()).withHeader("Authorization", equalTo("Bearer " + stale))).isEmpty());
        assertTrue(ENV.openHands.findAll(postRequestedFor(urlEqualTo("/api/v1/app-conversations"))
                .withHeader("Authorization", equalTo("Bearer " + stale))).isEmpty(),
                "the job starts with the key fetched again");
        Leaks.assertNotStoredOrLogged(ENV.database, SERVICE_KEY, stale, bob.apiKey);
    }

    @Test
    void aPersonOpenHandsDoesNotKnowIsToldToSignUp() {
        Person carol = world.person().signedUp().linked();
        OPENHANDS.unknownUser(userId(carol));
        Issue issue = asks(carol);
        assertEquals(
                "[~" + carol.name + "] I can't start OpenHands for you: OpenHands has no account for you. Sign up at"
                        + " [OpenHands|" + APP + "] with the login you use here, then try again.",
                world.commentOn(issue));
        assertTrue(world.deliveryLogLine(issue, "trigger").getString("result")
                .contains("User " + userId(carol) + " not found"));
    }

    @Test
    void aPersonOutsideTheOrganisationIsToldToAskAnAdmin() {
        Person dan = world.person().signedUp().linked();
        OPENHANDS.notInOrganisation(userId(dan));
        Issue issue = asks(dan);
        assertEquals("[~" + dan.name
                + "] I can't start OpenHands for you: your OpenHands account is not a member of the"
                + " OpenHands organisation this Jira integration works in. Ask an OpenHands administrator to add you to"
                + " it, then try again.", world.commentOn(issue));
    }

    @Test
    void someoneWhoNeverSignedInHereIsToldToSignInWithoutAskingOpenHands() {
        Person erin = world.person();
        Issue issue = asks(erin);
        assertEquals("[~" + erin.name
                + "] I can't start OpenHands for you yet: no one has signed in to OpenHands for Jira with your"
                + " Jira email address. Sign in at [Settings > Integrations|" + APP
                + "/settings/integrations] with your OpenHands"
                + " account and connect Jira Data Center, then try again.", world.commentOn(issue));
        assertTrue(OPENHANDS.requestsFor(userId(erin)).isEmpty());
    }

    /** Their OpenHands user id: the subject they sign in with. */
    static String userId(Person person) {
        return "sub-" + person.id;
    }

    /** The person asks for OpenHands on a new issue that names its repository. */
    Issue asks(Person person) {
        Issue issue = world.issue("Repository: acme/web-app");
        world.deliver(person.asks(issue.comment(JiraScenario.nextId(), "@openhands please fix this")));
        return issue;
    }

    /** The person asks on a new issue, and the bot says it is on it, with the conversation started with their key. */
    void asksAndIsOnIt(Person person) {
        world.startsConversation(person, "acme/web-app");
        Issue issue = asks(person);
        assertEquals("[~" + person.name + "] I'm on it in acme/web-app (named in the issue's description): [follow the"
                + " conversation in OpenHands|" + APP + "/conversations/"
                + OpenHandsConversations.id("conv-" + person.id) + "].",
                world.commentOn(issue));
    }
}
