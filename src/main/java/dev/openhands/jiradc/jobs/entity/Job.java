package dev.openhands.jiradc.jobs.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** One OpenHands conversation started for one trigger: at most one per trigger, whatever retries or instances do. */
@Entity
@Table(name = "job")
@NamedQuery(name = Job.BY_TRIGGER, query = "select j from Job j where j.triggerId = :triggerId")
public class Job {

    public static final String BY_TRIGGER = "Job.byTrigger";

    public enum Status {
        /** Recorded before OpenHands is asked, so a second attempt knows one may be under way. */
        STARTING,
        /** OpenHands accepted: a start task (and, once ready, a conversation) exists. */
        STARTED
    }

    @Id
    private String id;

    @Column(name = "trigger_id", nullable = false, unique = true)
    private String triggerId;

    @Column(name = "issue_id", nullable = false)
    private String issueId;

    @Column(name = "issue_key", nullable = false)
    private String issueKey;

    @Column(name = "account_id", nullable = false)
    private String accountId;

    @Column(nullable = false)
    private String repository;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "start_task_id")
    private String startTaskId;

    @Column(name = "conversation_id")
    private String conversationId;

    @Column(name = "announced_at")
    private Instant announcedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Job() {
    }

    public Job(String triggerId, String issueId, String issueKey, String accountId, String repository, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.triggerId = triggerId;
        this.issueId = issueId;
        this.issueKey = issueKey;
        this.accountId = accountId;
        this.repository = repository;
        this.status = Status.STARTING;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void started(String startTaskId, String conversationId, Instant now) {
        this.status = Status.STARTED;
        this.startTaskId = startTaskId;
        this.conversationId = conversationId;
        this.updatedAt = now;
    }

    public void announced(Instant now) {
        this.announcedAt = now;
        this.updatedAt = now;
    }

    public String id() {
        return id;
    }

    public Status status() {
        return status;
    }

    public String repository() {
        return repository;
    }

    public Optional<String> conversationId() {
        return Optional.ofNullable(conversationId);
    }

    public boolean announced() {
        return announcedAt != null;
    }
}
