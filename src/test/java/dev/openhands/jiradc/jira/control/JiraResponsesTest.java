package dev.openhands.jiradc.jira.control;

import static org.junit.jupiter.api.Assertions.*;

import dev.openhands.jiradc.jira.entity.JiraCallFailed;
import jakarta.json.Json;
import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import java.net.URI;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class JiraResponsesTest {

    static final URI JIRA = URI.create("https://jira.example.com");

    @Test
    void jiraErrorBodiesInWords() {
        assertEquals("Issue does not exist; summary: You must specify a summary.",
                JiraResponses.describe(Json.createReader(new java.io.StringReader(
                        "{\"errorMessages\":[\"Issue does not exist\"],\"errors\":{\"summary\":\"You must specify a summary.\"}}"))
                        .readObject()));
        assertEquals("invalid_grant (Refresh token expired)", JiraResponses.describe(Json.createObjectBuilder()
                .add("error", "invalid_grant").add("error_description", "Refresh token expired").build()));
    }

    @Test
    void tlsFailuresPointToTheTrustedCaSetting() {
        JiraCallFailed failure = JiraResponses.unreachable(JIRA, "read the issue",
                new ProcessingException(new SSLHandshakeException("PKIX path building failed")));
        assertEquals(JiraCallFailed.Kind.TLS, failure.kind());
        assertTrue(failure.getMessage().contains("jira-dc.trusted-ca"), failure.getMessage());
    }

    @Test
    void connectionFailuresNameJiraAndTheSetting() {
        JiraCallFailed failure = JiraResponses.unreachable(JIRA, "read the issue",
                new ProcessingException(new ConnectException("Connection refused")));
        assertEquals(JiraCallFailed.Kind.UNREACHABLE, failure.kind());
        assertTrue(failure.getMessage().contains("https://jira.example.com") && failure.getMessage().contains("jira-dc.base-url"));
    }
}
