package dev.openhands.jiradc.linking.boundary;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.*;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.openhands.jiradc.testing.Http;
import dev.openhands.jiradc.testing.TestEnvironment;
import dev.openhands.jiradc.testing.browser.Browser;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Jira over HTTPS with a certificate nobody trusts: connecting fails with a message that points to jira-dc.trusted-ca.
 */
@ExtendWith(ArquillianExtension.class)
class JiraTlsIT {

    static final TestEnvironment ENV = TestEnvironment.withUntrustedJiraCertificate();
    static final WireMockServer JIRA = ENV.jira;

    @ArquillianResource
    URL service;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ENV.deployment().war();
    }

    @AfterAll
    static void stop() {
        ENV.stop();
    }

    @Test
    void anUntrustedJiraCertificateEndsWithTheTrustedCaAdvice() {
        JIRA.stubFor(post("/rest/oauth2/latest/token").willReturn(okJson("{}")));
        Browser person = ENV.signIn(service, "sub-tls", "tls@example.com", List.of());
        URI authorize = URI.create(person.getNoRedirect("/api/integrations/jira-dc/link/connect").headers()
                .firstValue("Location").orElseThrow());
        String state = authorize.getQuery().replaceAll(".*state=([^&]+).*", "$1");

        HttpResponse<String> back = person.getNoRedirect("/integration/jira-dc/callback?code=c-1&state=" + state);
        assertEquals(303, back.statusCode(), back.body());
        assertTrue(back.headers().firstValue("Location").orElseThrow()
                .endsWith("/settings/integrations?jira-dc=tls-failure"));
        JsonObject attempt = Http.json(person.get("/api/integrations/jira-dc/link")).getJsonObject("lastAttempt");
        assertEquals("tls-failure", attempt.getString("outcome"));
        assertTrue(attempt.getString("message").contains("jira-dc.trusted-ca"), attempt.getString("message"));
        assertTrue(JIRA.getAllServeEvents().isEmpty(), "no request got through the TLS handshake");
    }
}
