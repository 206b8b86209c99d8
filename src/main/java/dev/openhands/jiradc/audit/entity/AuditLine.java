package dev.openhands.jiradc.audit.entity;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/** One audit record as it is read and shown: a field that does not apply is {@code null} (and left out of JSON). */
@JsonbPropertyOrder({"id", "at", "who", "action", "reason", "issue", "project", "connection", "job", "link", "source",
        "outcome"})
public record AuditLine(long id, Instant at, String who, String action, String reason, String issue, String project,
        String connection, String job, String link, String source, String outcome) {

    /** The column names of an export, in this order. */
    public static final String[] COLUMNS = {"id", "at", "who", "action", "reason", "issue", "project", "connection",
            "job", "link", "source", "outcome"};

    /** The values in {@link #COLUMNS}' order, as text ({@code null} where none). */
    public String[] values() {
        return new String[]{Long.toString(id), at.toString(), who, action, reason, issue, project, connection, job,
                link, source, outcome};
    }
}
