package dev.openhands.jiradc.webhooks.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.openhands.jiradc.jira.entity.WebhookEvent;
import dev.openhands.jiradc.testing.jira.JiraEvent;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeliveryJsonTest {

    private static JsonObject read(String json) throws CharacterCodingException {
        return DeliveryJson.read(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void keepsWhatTheEventReadsAndLeavesTheIssueFieldsButItsLabels() throws Exception {
        JsonObject event = read("""
                {"webhookEvent":"jira:issue_updated","issue":{"id":"1","key":"A-1",
                 "fields":{"summary":"s","description":{"nested":[1,2,{"x":null}]},"labels":["bug","openhands"]}},
                 "user":{"name":"jane","avatarUrls":{"16x16":"u"}},"changelog":{"items":[{"field":"labels"}]}}""");
        assertEquals("A-1", event.getJsonObject("issue").getString("key"));
        assertEquals(Set.of("labels"), event.getJsonObject("issue").getJsonObject("fields").keySet());
        assertEquals("openhands",
                event.getJsonObject("issue").getJsonObject("fields").getJsonArray("labels").getString(1));
        assertEquals(Set.of("name"), event.getJsonObject("user").keySet());
        assertEquals("labels",
                event.getJsonObject("changelog").getJsonArray("items").getJsonObject(0).getString("field"));
    }

    /** What is left out must be what the event never reads: every kind of delivery reads the same either way. */
    @ParameterizedTest
    @ValueSource(strings = {"jira:issue_created", "jira:issue_updated", "jira:issue_commented", "jira:issue_deleted",
            "comment_created",
            "comment_updated", "comment_deleted"})
    void everyEventReadsAsFromTheWholeJson(String webhookEvent) throws Exception {
        byte[] body = JiraEvent.named(webhookEvent).labels(List.of("bug"), List.of("bug", "openhands"))
                .bytes("https://jira.example.com");
        WebhookEvent whole = WebhookEvent.parse(Json.createReader(new ByteArrayInputStream(body)).readObject());
        assertEquals(whole, WebhookEvent.parse(DeliveryJson.read(body)));
    }

    @Test
    void checksWhatItDoesNotKeep() {
        assertThrows(JsonException.class,
                () -> read("{\"webhookEvent\":\"x\",\"issue\":{\"fields\":{\"description\":{\"a\" 1}}}}"));
        assertThrows(JsonException.class, () -> read("{\"issue\":{\"fields\":{\"summary\":[1,,2]}}}"));
    }

    @Test
    void refusesAnythingButOneObjectInUtf8() {
        assertThrows(JsonException.class, () -> read("[1]"));
        assertThrows(JsonException.class, () -> read("{\"a\":1} {\"b\":2}"));
        assertThrows(CharacterCodingException.class,
                () -> DeliveryJson.read(new byte[]{'{', '"', (byte) 0xC3, '"', '}'}));
    }

    @Test
    void ignoresALeadingByteOrderMark() throws Exception {
        assertFalse(read("\uFEFF{\"webhookEvent\":\"comment_created\"}").isEmpty());
    }
}
