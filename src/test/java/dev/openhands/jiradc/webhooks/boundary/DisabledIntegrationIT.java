package dev.openhands.jiradc.webhooks.boundary;

import static org.junit.jupiter.api.Assertions.*;

import dev.openhands.jiradc.testing.Eventually;
import dev.openhands.jiradc.testing.Http;
import dev.openhands.jiradc.testing.ServiceUrls;
import dev.openhands.jiradc.testing.TestEnvironment;
import dev.openhands.jiradc.testing.jira.JiraEvent;
import dev.openhands.jiradc.testing.jira.JiraWebhookSigner;
import dev.openhands.jiradc.webhooks.control.DeliveryLogWriter;
import java.net.URL;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.ResultSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * jira-dc.enabled=false: the integration's URLs do not exist, nothing a delivery carries is stored, and the service is
 * ready.
 */
@ExtendWith(ArquillianExtension.class)
class DisabledIntegrationIT {

    static final TestEnvironment ENV = TestEnvironment.start();

    @ArquillianResource
    URL service;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ENV.deployment().with("jira-dc.enabled", "false").war();
    }

    @AfterAll
    static void stop() {
        ENV.stop();
    }

    @Test
    void deliveriesAre404AndNothingIsStored() throws Exception {
        byte[] body = JiraEvent.commentCreated().comment("10106", "@openhands").bytes(ENV.jiraUrl());
        var response = Http.send(HttpRequest.newBuilder(ServiceUrls.local(service,
                "/integration/jira-dc/connections/any/events"))
                .header(JiraWebhookSigner.HEADER, JiraWebhookSigner.sign(body, "x"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        assertEquals(404, response.statusCode(), response.body());
        assertTrue(Http.json(response).getString("error").contains("jira-dc.enabled=true"));
        Eventually.pause(2 * DeliveryLogWriter.FLUSH_MILLIS); // past the delivery log's next write
        try (Connection db = ENV.database.connect();
                ResultSet rs = db.createStatement()
                        .executeQuery("select (select count(*) from inbox) + (select count(*) from delivery)")) {
            rs.next();
            assertEquals(0, rs.getInt(1));
        }
    }

    @Test
    void theApisAre404TooAndTheServiceIsReady() {
        assertEquals(404, Http.get(ServiceUrls.local(service, "/api/integrations/jira-dc/account")).statusCode());
        assertEquals(404,
                Http.get(ServiceUrls.local(service, "/integration/jira-dc/callback?state=x&code=y")).statusCode());
        var ready = Http.get(ServiceUrls.local(service, "/health/ready"));
        assertEquals(200, ready.statusCode(), ready.body());
    }
}
