package dev.openhands.jiradc.testing.jira;

import static org.junit.jupiter.api.Assertions.*;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The fixtures must look like what Jira Data Center sends, or every test built on them lies. */
class JiraEventTest {

    static final String JIRA = "https://jira.example.com";
    static final List<String> SUBSCRIBED_EVENTS = JiraEvent.SUBSCRIBED_EVENTS;

    static JsonObject parse(JiraEvent event) {
        return Json.createReader(new StringReader(event.render(JIRA))).readObject();
    }

    static void assertDcUser(JsonObject user) {
        assertTrue(user.getString("self").startsWith(JIRA + "/rest/api/2/user?username="));
        for (String field : List.of("name", "key", "emailAddress", "displayName")) {
            assertFalse(user.getString(field).isBlank(), field);
        }
        assertFalse(user.containsKey("accountId"), "Data Center users have no accountId");
    }

    @ParameterizedTest
    @FieldSource("SUBSCRIBED_EVENTS")
    void everySubscribedEventHasItsTemplate(String webhookEvent) {
        JsonObject event = parse(JiraEvent.named(webhookEvent));
        assertEquals(webhookEvent, event.getString("webhookEvent"));
        assertTrue(event.getJsonNumber("timestamp").longValue() > 1_700_000_000_000L, "epoch milliseconds");
        JsonObject issue = event.getJsonObject("issue");
        assertEquals(JIRA + "/rest/api/2/issue/" + issue.getString("id"), issue.getString("self"));
        if (webhookEvent.startsWith("comment_")) {
            assertFalse(event.containsKey("user"), "comment events carry no top-level user");
            JsonObject comment = event.getJsonObject("comment");
            assertEquals(JIRA + "/rest/api/2/issue/" + issue.getString("id") + "/comment/" + comment.getString("id"),
                    comment.getString("self"));
            assertDcUser(comment.getJsonObject("author"));
            assertDcUser(comment.getJsonObject("updateAuthor"));
        } else {
            assertDcUser(event.getJsonObject("user"));
            assertTrue(issue.getJsonObject("fields").containsKey("labels"));
        }
    }

    @Test
    void labelsChangelogCarriesTheWholeSets() {
        JsonObject item = parse(
                JiraEvent.issueUpdated().labels(List.of("bug", "ui"), List.of("bug", "ui", "openhands")))
                .getJsonObject("changelog").getJsonArray("items").getJsonObject(0);
        assertEquals("labels", item.getString("field"));
        assertEquals("bug ui", item.getString("fromString"));
        assertEquals("bug ui openhands", item.getString("toString"));
        assertFalse(item.containsKey("fieldId"), "Data Center changelog items have no fieldId");
    }

    @Test
    void issueCommentedCarriesTheComment() {
        JsonObject event = parse(JiraEvent.issueCommented().comment("10200", "hi"));
        assertEquals("jira:issue_updated", event.getString("webhookEvent"));
        assertEquals("issue_commented", event.getString("issue_event_type_name"));
        assertEquals("10200", event.getJsonObject("comment").getString("id"));
    }

    @Test
    void textIsEscapedIntoValidJson() {
        String body = "@openhands \"quoted\" \\ back\nslash\ttab {code}x{code}";
        assertEquals(body,
                parse(JiraEvent.commentCreated().comment("1", body)).getJsonObject("comment").getString("body"));
    }

    @Test
    void signatureIsHmacSha256OfTheRawBody() {
        assertEquals("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8",
                JiraWebhookSigner.sign("The quick brown fox jumps over the lazy dog", "key"));
    }
}
