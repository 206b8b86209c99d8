package dev.openhands.jiradc.webhooks.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.openhands.jiradc.testing.ActiveConnection;
import dev.openhands.jiradc.testing.Eventually;
import dev.openhands.jiradc.testing.Http;
import dev.openhands.jiradc.testing.ServiceUrls;
import dev.openhands.jiradc.testing.TestEnvironment;
import dev.openhands.jiradc.testing.browser.Browser;
import dev.openhands.jiradc.testing.identity.IdentityProvider;
import dev.openhands.jiradc.testing.jira.JiraCommentStore;
import dev.openhands.jiradc.testing.jira.JiraEvent;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
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
 * With a retention of a few seconds: the delivery log empties itself, a finished trigger's inbox entry goes
 * with it, and a delivery as old as the retention is refused, so that pruning never turns a replay into a new trigger.
 * With a rotated secret's grace as short: the previous secret is refused once it ends.
 */
@ExtendWith(ArquillianExtension.class)
class DeliveryLogPruningIT {

    static final TestEnvironment ENV = TestEnvironment.start();

    @ArquillianResource
    URL service;

    @Deployment(testable = false)
    static WebArchive deployment() {
        JiraCommentStore.keepComments(ENV.jira);
        return ENV.deployment().with("jira-dc.delivery-log.retention", "PT3S")
                .with("jira-dc.webhook.secret-rotation-grace", "PT3S").war();
    }

    @AfterAll
    static void stop() {
        ENV.stop();
    }

    @Test
    void deliveriesAndFinishedTriggersAreForgottenAfterTheRetention() {
        Browser admin = ENV.signIn(service, "admin", "admin@example.com", List.of(IdentityProvider.ADMIN_GROUP));
        ActiveConnection connection = ActiveConnection.create(service, admin);
        // alice has no account: the bot says so on the issue, and the trigger is finished
        byte[] trigger = JiraEvent.commentCreated().issue("10901", "ACME-901").comment("10902", "@openhands")
                .bytes(ENV.jiraUrl());
        assertEquals("trigger: @openhands in comment 10902", outcome(connection.deliver(trigger)));
        Eventually.await(() -> deliveries(admin).stream().filter(d -> !d.getString("result", "").isEmpty()).findFirst(),
                "the trigger to be processed");

        Eventually.await(() -> deliveries(admin).isEmpty() ? Optional.of(true) : Optional.empty(),
                "the delivery log to be pruned");
        Eventually.await(
                () -> Optional.of(metrics()).filter(text -> text.contains("openhands_jira_inbox{status=\"DONE\"} 0.0\n")
                        && !text.matches("(?s).*\nopenhands_jira_inbox\\{[^}]*} [1-9].*")),
                "the finished inbox entry to be pruned with the log");
    }

    /**
     * Pruned duplicate keys must not make a captured delivery new again: it is as old as the retention, and refused.
     */
    @Test
    void aDeliveryReplayedAfterItsDuplicateKeyWasPrunedIsRefused() {
        Browser admin = ENV.signIn(service, "admin", "admin@example.com", List.of(IdentityProvider.ADMIN_GROUP));
        ActiveConnection connection = ActiveConnection.create(service, admin);
        byte[] captured = JiraEvent.commentCreated().issue("10911", "ACME-911").comment("10912", "@openhands")
                .bytes(ENV.jiraUrl());
        assertEquals("trigger: @openhands in comment 10912", outcome(connection.deliver(captured)));
        Eventually.await(() -> deliveries(admin).isEmpty() ? Optional.of(true) : Optional.empty(),
                "the delivery log to be pruned");
        assertEquals(403, connection.deliver(captured).statusCode(), "the replay starts nothing");
    }

    @Test
    void thePreviousSecretIsAcceptedDuringItsGraceAndRefusedAfter() {
        Browser admin = ENV.signIn(service, "admin", "admin@example.com", List.of(IdentityProvider.ADMIN_GROUP));
        ActiveConnection before = ActiveConnection.create(service, admin);
        HttpResponse<String> rotated = admin
                .postJson("/api/integrations/jira-dc/connections/" + before.id() + "/rotate-secret", "{}");
        assertEquals(200, rotated.statusCode(), rotated.body());
        ActiveConnection after = new ActiveConnection(service, before.id(), Http.json(rotated).getString("secret"));
        Instant graceEnds = Instant.parse(Http.json(rotated).getString("previousSecretValidUntil"));

        assertEquals(200, before.deliver(anUpdate("10921")).statusCode(),
                "Jira may still sign with the previous secret");
        Eventually.pause(Math.max(0, Duration.between(Instant.now(), graceEnds).toMillis()) + 500);
        HttpResponse<String> late = before.deliver(anUpdate("10922"));
        assertEquals(403, late.statusCode(), "the previous secret after its grace: " + late.body());
        assertEquals(200, after.deliver(anUpdate("10923")).statusCode(), "the new secret");
    }

    /** A delivery that triggers nothing, on an issue of its own. */
    private static byte[] anUpdate(String issueId) {
        return JiraEvent.issueUpdated().issue(issueId, "ACME-" + issueId).labels(List.of(), List.of("bug"))
                .bytes(ENV.jiraUrl());
    }

    private String metrics() {
        return Http.send(java.net.http.HttpRequest.newBuilder(ServiceUrls.local(service, "/ops/metrics")).build())
                .body();
    }

    private static String outcome(HttpResponse<String> answer) {
        return Http.json(answer).getString("outcome");
    }

    private static List<JsonObject> deliveries(Browser admin) {
        return Http.json(admin.get("/api/integrations/jira-dc/deliveries")).getJsonArray("deliveries")
                .getValuesAs(JsonObject.class);
    }
}
