package dev.openhands.jiradc.audit.boundary;

import static org.junit.jupiter.api.Assertions.*;

import dev.openhands.jiradc.testing.Eventually;
import dev.openhands.jiradc.testing.Http;
import dev.openhands.jiradc.testing.TestEnvironment;
import dev.openhands.jiradc.testing.browser.Browser;
import dev.openhands.jiradc.testing.identity.IdentityProvider;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** With a retention of a few seconds: the trail forgets its records, and records that it did, with how many. */
@ExtendWith(ArquillianExtension.class)
class AuditRetentionIT {

    static final TestEnvironment ENV = TestEnvironment.start();

    @ArquillianResource
    URL service;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ENV.deployment().with("jira-dc.audit.retention", "PT3S").war();
    }

    @AfterAll
    static void stop() {
        ENV.stop();
    }

    @Test
    void recordsOlderThanTheRetentionArePrunedAndThePruningIsRecorded() {
        Browser admin = ENV.signIn(service, "admin", "admin@example.com", List.of(IdentityProvider.ADMIN_GROUP));
        JsonObject pruned = Eventually.await(() -> records(admin).stream()
                .filter(record -> record.getString("action").equals("AUDIT_PRUNED")).findFirst(),
                "the sign-in to be pruned, and the pruning recorded");
        assertEquals("system", pruned.getString("who"));
        assertTrue(Pattern.matches("[1-9][0-9]* records older than PT3S \\(before .*\\) deleted",
                pruned.getString("outcome")), pruned.toString());
        assertFalse(pruned.containsKey("source"), "done by a timer, in no request");
        Eventually.await(() -> Optional.of(records(admin)).filter(left -> left.stream()
                .noneMatch(record -> record.getString("action").equals("ADMIN_SIGNED_IN"))),
                "the sign-in to be gone");
    }

    static List<JsonObject> records(Browser admin) {
        var page = admin.get("/api/integrations/jira-dc/audit?limit=500");
        assertEquals(200, page.statusCode(), page.body());
        return Http.json(page).getJsonArray("records").stream().map(record -> record.asJsonObject()).toList();
    }
}
