package dev.openhands.jiradc.webhooks.boundary;

import dev.openhands.jiradc.webhooks.entity.Delivery;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The delivery log's recent lines and this instance's refusals by reason; fields that do not apply are left out. */
@JsonbPropertyOrder({"deliveries", "refusedOnThisInstance"})
public record DeliveriesJson(List<Line> deliveries, Map<String, Long> refusedOnThisInstance) {

    @JsonbPropertyOrder({"receivedAt", "connection", "outcome", "event", "issueKey", "actor", "result"})
    public record Line(Instant receivedAt, String connection, String outcome, String event, String issueKey,
            String actor, String result) {

        static Line of(Delivery delivery) {
            return new Line(delivery.receivedAt(), delivery.connectionId(), delivery.outcome(),
                    delivery.webhookEvent().orElse(null), delivery.issueKey().orElse(null),
                    delivery.actor().orElse(null),
                    delivery.result().orElse(null));
        }
    }
}
