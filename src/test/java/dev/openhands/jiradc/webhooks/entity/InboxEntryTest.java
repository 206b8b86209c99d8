package dev.openhands.jiradc.webhooks.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.openhands.jiradc.jira.entity.WebhookEvent;
import jakarta.json.Json;
import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InboxEntryTest {

    static final String COMMENT = "{\"timestamp\":1764000000000,\"webhookEvent\":\"comment_created\","
            + "\"issue\":{\"id\":\"10001\",\"key\":\"ACME-1\"}}";

    /** Seen in WebhookFuzzIT's logs: such a trigger was accepted, then failed as an unexpected error each time. */
    @Test
    void aTriggerAcceptedWithAByteOrderMarkReachesItsHandlerAsJsonItCanRead() {
        InboxEntry entry = entry("\uFEFF" + COMMENT);

        assertEquals(COMMENT, entry.payload());
        WebhookEvent event = WebhookEvent.parse(Json.createReader(new StringReader(entry.payload())).readObject());
        assertEquals("ACME-1", event.issueKey().orElseThrow());
    }

    @Test
    void aPayloadWithoutOneIsHandedOnAsItIs() {
        assertEquals(COMMENT, entry(COMMENT).payload());
    }

    static InboxEntry entry(String payload) {
        return new InboxEntry("01", "c1", Decision.Kind.TRIGGER, "comment_created", "10001", "ACME-1", payload, 1,
                Instant.EPOCH);
    }
}
