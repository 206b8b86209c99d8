package dev.openhands.jiradc.triggers.boundary;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.openhands.jiradc.testing.ActiveConnection;
import dev.openhands.jiradc.testing.Eventually;
import dev.openhands.jiradc.testing.Http;
import dev.openhands.jiradc.testing.ServiceUrls;
import dev.openhands.jiradc.testing.TestEnvironment;
import dev.openhands.jiradc.testing.browser.Browser;
import dev.openhands.jiradc.testing.identity.IdentityProvider;
import dev.openhands.jiradc.testing.jira.JiraEvent;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Jira refuses the service account's PAT: readiness says so with Jira's reason, and triggers fail at once, with the
 * reason logged.
 */
@ExtendWith(ArquillianExtension.class)
class ServiceAccountRefusedIT {

    static final TestEnvironment ENV = TestEnvironment.start();

    @ArquillianResource
    URL service;

    @Deployment(testable = false)
    static WebArchive deployment() {
        ENV.jira.stubFor(any(urlMatching("/rest/api/2/.*"))
                .withHeader("Authorization", equalTo("Bearer " + ENV.settings.servicePat))
                .willReturn(unauthorized().withHeader("X-Seraph-LoginReason", "AUTHENTICATED_FAILED")));
        return ENV.deployment().war();
    }

    @AfterAll
    static void stop() {
        ENV.stop();
    }

    @Test
    void readinessNamesThePatAndJirasReason() {
        JsonObject check = Eventually.await(() -> Http.json(Http.get(ServiceUrls.local(service, "/health/ready")))
                .getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("jira-service-account") && c.getString("status").equals("DOWN"))
                .findFirst(), "the service account check to go DOWN");
        String message = check.getJsonObject("data").getString("jira-dc.service-account.pat");
        assertTrue(message.contains("401") && message.contains("X-Seraph-LoginReason: AUTHENTICATED_FAILED"), message);
    }

    @Test
    void aTriggerFailsWithTheReasonInTheDeliveryLogAndNoComment() {
        Browser admin = ENV.signIn(service, "admin", "admin@example.com", List.of(IdentityProvider.ADMIN_GROUP));
        ActiveConnection connection = ActiveConnection.create(service, admin);
        // alice has no account: the bot tries to say so, and Jira refuses its PAT
        byte[] body = JiraEvent.commentCreated().issue("10777", "ACME-777").comment("10778", "@openhands")
                .bytes(ENV.jiraUrl());
        var accepted = connection.deliver(body);
        assertEquals(200, accepted.statusCode(), accepted.body());

        String result = Eventually.await(
                () -> Http.json(admin.get("/api/integrations/jira-dc/deliveries")).getJsonArray("deliveries")
                        .getValuesAs(JsonObject.class).stream()
                        .filter(d -> d.getString("issueKey", "").equals("ACME-777"))
                        .map(d -> d.getString("result", "")).filter(r -> !r.isEmpty()).findFirst().or(Optional::empty),
                "a result");
        assertTrue(result.startsWith("failed: Jira refused the service account"), result);
        assertEquals(1, ENV.jira.findAll(postRequestedFor(urlMatching("/rest/api/2/issue/.*/comment"))).size(),
                "one attempt: a refused PAT is not retried");
    }
}
