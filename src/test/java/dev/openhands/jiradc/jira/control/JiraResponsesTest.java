package dev.openhands.jiradc.jira.control;

import static org.junit.jupiter.api.Assertions.*;

import dev.openhands.jiradc.jira.control.JiraApi.CommentPage;
import dev.openhands.jiradc.jira.control.JiraApi.Marker;
import dev.openhands.jiradc.jira.control.JiraApi.MarkerValue;
import dev.openhands.jiradc.jira.control.JiraApi.NewComment;
import dev.openhands.jiradc.jira.entity.JiraCallFailed;
import dev.openhands.jiradc.jira.entity.JiraIssue.JiraComment;
import dev.openhands.jiradc.jira.entity.JiraUser;
import dev.openhands.jiradc.jira.entity.JiraWebhook;
import dev.openhands.jiradc.jira.entity.Visibility;
import jakarta.json.Json;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/**
 * Jira's answers in words (errors, no answer, an answer that is not Jira's), and as JSON-B reads the records of {@link
 * JiraApi}.
 */
class JiraResponsesTest {

    static final URI JIRA = URI.create("https://jira.example.com");
    static final Jsonb JSONB = JsonbBuilder.create();

    @Test
    void anErrorAnswerSaysWhatTheCallWasForAndWhatJiraSaid() {
        JiraCallFailed failure = JiraResponses.failure(400, "{\"errorMessages\":[\"Webhook URL must be reachable\"],"
                + "\"errors\":{\"url\":\"Invalid URL\"}}", null, null).whileTryingTo("create the webhook");
        assertEquals(
                "Jira answered 400 while trying to create the webhook: Webhook URL must be reachable; url: Invalid URL",
                failure.getMessage());
        assertEquals(JiraCallFailed.Kind.REFUSED, failure.kind());
        assertEquals(400, failure.status());
        assertFalse(failure.transientFailure());
    }

    @Test
    void aRefusedTokenSaysWhySeraphRefusedItAndAnOAuthErrorKeepsItsCode() {
        JiraCallFailed seraph = JiraResponses.failure(401, "", "AUTHENTICATED_FAILED", null)
                .whileTryingTo("read the current user");
        assertEquals(
                "Jira answered 401 while trying to read the current user: X-Seraph-LoginReason: AUTHENTICATED_FAILED",
                seraph.getMessage());
        JiraCallFailed grant = JiraResponses
                .failure(400, "{\"error\":\"invalid_grant\",\"error_description\":\"expired\"}",
                        null, null)
                .whileTryingTo("refresh the user's access token");
        assertEquals("invalid_grant", grant.errorCode());
        assertEquals("Jira answered 400 while trying to refresh the user's access token: invalid_grant (expired)",
                grant.getMessage());
    }

    @Test
    void aBusyJiraIsTriedAgainWhenItSays() {
        JiraCallFailed limited = JiraResponses.failure(429, "", null, "30").whileTryingTo("read the issue ACME-1");
        assertEquals(Optional.of(Duration.ofSeconds(30)), limited.retryAfter());
        assertTrue(limited.transientFailure());
        assertEquals("Jira answered 429 while trying to read the issue ACME-1.", limited.getMessage());
        JiraCallFailed down = JiraResponses.failure(503, "<html>down</html>", null, "soon")
                .whileTryingTo("read the issue ACME-1");
        assertEquals(JiraCallFailed.Kind.FAILED, down.kind());
        assertEquals(Optional.empty(), down.retryAfter(), "a Retry-After that is not seconds is not followed");
    }

    @Test
    void anAnswerThatIsNotJirasJsonIsSaidToBeSoNotThatJiraIsUnreachable() {
        JiraCallFailed failure = JiraResponses.unreachable(JIRA, "read the issue ACME-1",
                new ProcessingException("Error deserializing object from entity stream.",
                        new JsonbException("Unexpected char 60")));
        assertEquals(JiraCallFailed.Kind.FAILED, failure.kind());
        assertEquals(
                "Jira answered something this service cannot read while trying to read the issue ACME-1"
                        + " (JsonbException: Unexpected char 60); is https://jira.example.com really Jira Data Center?",
                failure.getMessage());
    }

    @Test
    void usersWebhooksAndCommentsAreReadAsJiraWritesThem() {
        assertEquals(new JiraUser("JIRAUSER10100", "alice", Optional.of("alice@example.com"), "Alice"), JSONB.fromJson(
                "{\"self\":\"x\",\"key\":\"JIRAUSER10100\",\"name\":\"alice\",\"emailAddress\":\"alice@example.com\","
                        + "\"displayName\":\"Alice\",\"active\":true,\"timeZone\":\"UTC\"}",
                JiraUser.class));
        assertEquals(new JiraUser("bob", "bob", Optional.empty(), "bob"),
                JSONB.fromJson("{\"name\":\"bob\",\"emailAddress\":\"\"}",
                        JiraUser.class),
                "no key, display name or email: the login");
        assertEquals(new JiraWebhook("10", "OpenHands", "https://oh/events"),
                JSONB.fromJson("{\"id\":10,\"name\":\"OpenHands\","
                        + "\"url\":\"https://oh/events\",\"active\":true,\"configuration\":{\"SECRET\":\"s\"}}",
                        JiraWebhook.class));

        CommentPage page = JSONB.fromJson("{\"startAt\":0,\"maxResults\":50,\"total\":2,\"comments\":["
                + "{\"id\":\"10001\",\"body\":\"hi\",\"created\":\"2026-11-29T10:00:00.000+0000\","
                + "\"author\":{\"name\":\"alice\"},"
                + "\"visibility\":{\"type\":\"role\",\"value\":\"Developers\"},\"properties\":["
                + "{\"key\":\"other.app\",\"value\":\"a string\"},{\"key\":\"dev.openhands.jira-dc\","
                + "\"value\":{\"bot\":true,"
                + "\"job\":\"j1\",\"about\":\"end\"}}]},"
                + "{\"id\":\"10002\",\"body\":\"there\"}]}", CommentPage.class);
        assertEquals(new JiraComment("10001", new JiraUser("alice", "alice", Optional.empty(), "alice"), "hi",
                "2026-11-29T10:00:00.000+0000", Optional.of(new Visibility("role", "Developers"))),
                page.comments().get(0).comment());
        assertEquals("j1", page.comments().get(0).property("dev.openhands.jira-dc").orElseThrow().getString("job"));
        assertEquals(Optional.empty(), page.comments().get(0).property("other.app"),
                "another app's property, not an object");
        assertEquals(
                new JiraComment("10002", new JiraUser("", "", Optional.empty(), ""), "there", "", Optional.empty()),
                page.comments().get(1).comment());
        assertThrows(JsonbException.class, () -> JSONB.fromJson("{\"total\":0}", CommentPage.class),
                "no comments: not a page");
    }

    @Test
    void aCommentIsWrittenMarkedAndRestrictedOnlyWhenItIs() {
        assertEquals("{\"body\":\"hi\",\"properties\":[{\"key\":\"dev.openhands.jira-dc\",\"value\":{\"bot\":true}}]}",
                JSONB.toJson(new NewComment("hi",
                        List.of(new Marker("dev.openhands.jira-dc", new MarkerValue(true, null, null))), null)));
        assertEquals(
                "{\"body\":\"hi\",\"properties\":[{\"key\":\"k\",\"value\":{\"about\":\"end\",\"bot\":true,"
                        + "\"job\":\"j1\"}}],"
                        + "\"visibility\":{\"type\":\"group\",\"value\":\"staff\"}}",
                JSONB.toJson(new NewComment("hi",
                        List.of(new Marker("k", new MarkerValue(true, "j1", "end"))),
                        new Visibility("group", "staff"))));
    }

    @Test
    void aTokenAnswerWithoutBothTokensIsRefused() {
        Instant now = Instant.parse("2026-11-29T10:00:00Z");
        JiraApi.Tokens tokens = JSONB.fromJson("{\"access_token\":\"at\",\"token_type\":\"bearer\",\"expires_in\":600,"
                + "\"refresh_token\":\"rt\",\"scope\":\"WRITE\"}", JiraApi.Tokens.class);
        assertEquals(now.plusSeconds(600), tokens.tokens(now).accessExpiresAt());
        assertEquals("at", tokens.tokens(now).accessToken().reveal());
        assertThrows(JiraCallFailed.class,
                () -> JSONB.fromJson("{\"access_token\":\"at\"}", JiraApi.Tokens.class).tokens(now));
    }

    @Test
    void jiraErrorBodiesInWords() {
        assertEquals("Issue does not exist; summary: You must specify a summary.",
                JiraResponses.describe(Json.createReader(new java.io.StringReader(
                        "{\"errorMessages\":[\"Issue does not exist\"],\"errors\":{\"summary\":\"You must specify a"
                                + " summary.\"}}"))
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
        assertTrue(failure.getMessage().contains("https://jira.example.com")
                && failure.getMessage().contains("jira-dc.base-url"));
    }
}
