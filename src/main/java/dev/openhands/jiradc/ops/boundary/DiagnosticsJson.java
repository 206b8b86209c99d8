package dev.openhands.jiradc.ops.boundary;

import dev.openhands.jiradc.ops.control.Diagnostics;
import dev.openhands.jiradc.ops.control.TroubleshootingChecks.DeliveryFacts;
import dev.openhands.jiradc.ops.entity.Check;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;

/** The troubleshooting panel's answer, in the JSON the settings page reads; fields that do not apply are left out. */
@JsonbPropertyOrder({"checks", "recentDeliveries"})
public record DiagnosticsJson(List<CheckLine> checks, List<DeliveryLine> recentDeliveries) {

    static DiagnosticsJson of(Diagnostics.Report report) {
        return new DiagnosticsJson(report.checks().stream().map(CheckLine::of).toList(),
                report.recentDeliveries().stream().map(DeliveryLine::of).toList());
    }

    @JsonbPropertyOrder({"id", "title", "status", "detail", "fix", "value"})
    public record CheckLine(String id, String title, String status, String detail, String fix, String value) {

        static CheckLine of(Check check) {
            return new CheckLine(check.id(), check.title(), check.status().code(), check.detail(),
                    check.fix().orElse(null), check.value().orElse(null));
        }
    }

    @JsonbPropertyOrder({"receivedAt", "outcome", "event", "issueKey", "actor", "result"})
    public record DeliveryLine(Instant receivedAt, String outcome, String event, String issueKey, String actor,
            String result) {

        static DeliveryLine of(DeliveryFacts delivery) {
            return new DeliveryLine(delivery.receivedAt(), delivery.outcome(), delivery.event().orElse(null),
                    delivery.issueKey().orElse(null), delivery.actor().orElse(null), delivery.result().orElse(null));
        }
    }
}
