package dev.openhands.jiradc.connections.boundary;

import dev.openhands.jiradc.connections.control.WebhookRegistration;
import dev.openhands.jiradc.connections.entity.Connection;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A connection as {@code /api/integrations/jira-dc/connections} answers it; the fields that do not apply are left out.
 * After an automatic install it also names the Jira webhook, and with manual setup it shows what to enter in Jira.
 */
@JsonbPropertyOrder({"id", "setup", "status", "eventsUrl", "createdAt", "activatedAt", "lastDeliveryAt",
        "secretRotatedAt",
        "previousSecretValidUntil", "jiraWebhookId", "jiraWebhookName", "notice", "secret", "events", "instructions"})
public record ConnectionJson(String id, String setup, String status, String eventsUrl, Instant createdAt,
        Instant activatedAt, Instant lastDeliveryAt, Instant secretRotatedAt, Instant previousSecretValidUntil,
        String jiraWebhookId, String jiraWebhookName, String notice, String secret, List<String> events,
        String instructions) {

    static final String MANUAL_INSTRUCTIONS = "In Jira, open Administration > System > WebHooks, create a webhook with"
            + " this URL, this secret and these events, with the request body included; then click 'I created the"
            + " webhook'.";

    public static ConnectionJson of(Connection connection, URI appUrl, Instant now) {
        return new ConnectionJson(connection.id(), connection.setup().code(), connection.status().code(),
                connection.eventsUrl(appUrl), connection.createdAt(), orNull(connection.activatedAt()),
                orNull(connection.lastDeliveryAt()), orNull(connection.secretRotatedAt()),
                orNull(connection.previousSecretValidUntil(now)), orNull(connection.jiraWebhookId()), null, null, null,
                null, null);
    }

    /** The answer to "Install automatically": the webhook's name, and a notice when another held the usual one. */
    public ConnectionJson installedAs(WebhookRegistration.Installed installed) {
        String notice = !installed.renamed() ? null : "Another Jira webhook is already named '"
                + Connection.WEBHOOK_NAME
                + "'; it was left as it is, and this service's webhook was created as '" + installed.webhookName()
                + "'. In Jira (Administration > System > WebHooks), check whether the other one is still needed.";
        return new ConnectionJson(id, setup, status, eventsUrl, createdAt, activatedAt, lastDeliveryAt, secretRotatedAt,
                previousSecretValidUntil, jiraWebhookId, installed.webhookName(), notice, null, null, null);
    }

    /** With manual setup: the secret, the events and what to do with them in Jira. */
    public ConnectionJson withManualDetails(String plainSecret) {
        return new ConnectionJson(id, setup, status, eventsUrl, createdAt, activatedAt, lastDeliveryAt, secretRotatedAt,
                previousSecretValidUntil, jiraWebhookId, null, null, plainSecret, Connection.EVENTS,
                MANUAL_INSTRUCTIONS);
    }

    private static <T> T orNull(Optional<T> value) {
        return value.orElse(null);
    }
}
