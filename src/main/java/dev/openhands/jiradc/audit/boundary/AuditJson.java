package dev.openhands.jiradc.audit.boundary;

import dev.openhands.jiradc.audit.entity.AuditLine;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * A page of the audit trail, newest first; {@code nextBefore} is the {@code before} of the next page, absent on the
 * last.
 */
@JsonbPropertyOrder({"records", "nextBefore"})
public record AuditJson(List<AuditLine> records, Long nextBefore) {

    public static AuditJson of(List<AuditLine> records, int limit) {
        return new AuditJson(records, records.size() < limit ? null : records.get(records.size() - 1).id());
    }
}
