package dev.openhands.jiradc.webhooks.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.openhands.jiradc.testing.ActiveConnection;
import dev.openhands.jiradc.testing.Browser;
import dev.openhands.jiradc.testing.Eventually;
import dev.openhands.jiradc.testing.Http;
import dev.openhands.jiradc.testing.IdentityProvider;
import dev.openhands.jiradc.testing.JiraCommentStore;
import dev.openhands.jiradc.testing.JiraEvent;
import dev.openhands.jiradc.testing.TestEnvironment;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
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
 * With a retention of a few seconds: the delivery log empties itself, and a finished trigger's inbox
 * entry goes with it (the same delivery again is a new trigger, no longer a duplicate).
 */
@ExtendWith(ArquillianExtension.class)
class DeliveryLogPruningIT {

    static final TestEnvironment ENV = TestEnvironment.start();

    @ArquillianResource
    URL service;

    @Deployment(testable = false)
    static WebArchive deployment() {
        JiraCommentStore.keepComments(ENV.jira);
        return ENV.deployment().with("jira-dc.delivery-log.retention", "PT3S").war();
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
        byte[] trigger = JiraEvent.commentCreated().issue("10901", "ACME-901").comment("10902", "@openhands").bytes(ENV.jiraUrl());
        assertEquals("trigger: @openhands in comment 10902", outcome(connection.deliver(trigger)));
        Eventually.await(() -> deliveries(admin).stream().filter(d -> !d.getString("result", "").isEmpty()).findFirst(),
                "the trigger to be processed");

        Eventually.await(() -> deliveries(admin).isEmpty() ? Optional.of(true) : Optional.empty(), "the delivery log to be pruned");
        assertEquals("trigger: @openhands in comment 10902", outcome(connection.deliver(trigger)),
                "the finished inbox entry is pruned with the log: the same delivery is no longer a duplicate");
    }

    private static String outcome(HttpResponse<String> answer) {
        return Http.json(answer).getString("outcome");
    }

    private static List<JsonObject> deliveries(Browser admin) {
        return Http.json(admin.get("/api/integrations/jira-dc/deliveries")).getJsonArray("deliveries").getValuesAs(JsonObject.class);
    }
}
