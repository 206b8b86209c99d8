package dev.openhands.jiradc.audit.entity;

import java.util.Optional;

/**
 * What a component tells the audit trail: the action, who, and the objects it concerns, by id, key or link only. Built
 * with {@link #of} and the withers; never give it a secret or a comment's body.
 */
public record AuditEvent(AuditAction action, String who, String reason, String issueKey, String project,
        String connectionId, String jobId, String link, String outcome) {

    /** The {@code who} of what the service does on its own. */
    public static final String SYSTEM = "system";

    public static AuditEvent of(AuditAction action, String who) {
        return new AuditEvent(action, who == null || who.isBlank() ? SYSTEM : who, null, null, null, null, null, null,
                null);
    }

    public AuditEvent who(String name) {
        return of(action, name).reason(reason).issue(issueKey).project(project).connection(connectionId)
                .job(jobId, Optional.ofNullable(link))
                .outcome(outcome);
    }

    public AuditEvent reason(String code) {
        return new AuditEvent(action, who, code, issueKey, project, connectionId, jobId, link, outcome);
    }

    public AuditEvent issue(String key) {
        return new AuditEvent(action, who, reason, key, project, connectionId, jobId, link, outcome);
    }

    /** A Jira project the record concerns as a whole (a mapping), rather than through one of its issues. */
    public AuditEvent project(String key) {
        return new AuditEvent(action, who, reason, issueKey, key, connectionId, jobId, link, outcome);
    }

    public AuditEvent connection(String id) {
        return new AuditEvent(action, who, reason, issueKey, project, id, jobId, link, outcome);
    }

    public AuditEvent job(String id, Optional<String> conversationLink) {
        return new AuditEvent(action, who, reason, issueKey, project, connectionId, id, conversationLink.orElse(link),
                outcome);
    }

    public AuditEvent outcome(String text) {
        return new AuditEvent(action, who, reason, issueKey, project, connectionId, jobId, link, text);
    }

    /** The project named, else {@code ACME} of {@code ACME-12}; empty for an issue known only by its id. */
    public Optional<String> projectKey() {
        if (project != null) {
            return Optional.of(project);
        }
        if (issueKey == null) {
            return Optional.empty();
        }
        int dash = issueKey.lastIndexOf('-');
        return dash > 0 ? Optional.of(issueKey.substring(0, dash)) : Optional.empty();
    }
}
