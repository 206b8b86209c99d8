package dev.openhands.jiradc.webhooks.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** An accepted delivery that asks for work, waiting to be processed; it outlives restarts. */
@Entity
@Table(name = "inbox")
@NamedQuery(name = InboxItem.COUNT_BY_KEY, query = "select count(i) from InboxItem i where i.dedupKey = :key")
@NamedQuery(name = InboxItem.PRUNE, query = "delete from InboxItem i where i.finishedAt < :before")
@NamedQuery(name = InboxItem.FINISH, query = "update InboxItem i set i.status = :status, i.result = :result,"
        + " i.finishedAt = :at, i.leaseUntil = null where i.id = :id and i.claimedBy = :instance and i.attempts ="
        + " :attempt and i.status = dev.openhands.jiradc.webhooks.entity.InboxItem.Status.PROCESSING")
@NamedQuery(name = InboxItem.RETRY, query = "update InboxItem i set i.status = :status, i.result = :result,"
        + " i.availableAt = :at, i.leaseUntil = null where i.id = :id and i.claimedBy = :instance and i.attempts ="
        + " :attempt and i.status = dev.openhands.jiradc.webhooks.entity.InboxItem.Status.PROCESSING")
@NamedQuery(name = InboxItem.RENEW, query = "update InboxItem i set i.leaseUntil = :until where i.id = :id"
        + " and i.claimedBy = :instance and i.attempts = :attempt"
        + " and i.status = dev.openhands.jiradc.webhooks.entity.InboxItem.Status.PROCESSING")
@NamedQuery(name = InboxItem.RELEASE_EXPIRED, query = "update InboxItem i set i.status = :pending, i.leaseUntil = null"
        + " where i.status = :processing and i.leaseUntil < :now")
@NamedQuery(name = InboxItem.RESUME, query = "update InboxItem i set i.status = :pending, i.availableAt = :now,"
        + " i.finishedAt = null, i.leaseUntil = null, i.result = :result where i.id = :id and i.status = :done")
public class InboxItem {

    public static final String COUNT_BY_KEY = "InboxItem.countByKey";
    public static final String PRUNE = "InboxItem.prune";
    public static final String FINISH = "InboxItem.finish";
    public static final String RETRY = "InboxItem.retry";
    public static final String RENEW = "InboxItem.renew";
    public static final String RELEASE_EXPIRED = "InboxItem.releaseExpired";
    public static final String RESUME = "InboxItem.resume";

    public enum Status {
        /** Waiting, possibly until {@code availableAt} after a failed attempt. */
        PENDING,
        /** Claimed by an instance until {@code leaseUntil}; after that, any instance may take it again. */
        PROCESSING, DONE, FAILED
    }

    @Id
    private String id;

    @Column(name = "dedup_key", nullable = false, unique = true)
    private String dedupKey;

    @Column(name = "connection_id", nullable = false)
    private String connectionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Decision.Kind kind;

    @Column(name = "webhook_event", nullable = false)
    private String webhookEvent;

    @Column(name = "issue_id")
    private String issueId;

    @Column(name = "issue_key")
    private String issueKey;

    @Column(name = "actor_key")
    private String actorKey;

    @Column(nullable = false, length = 4194304)
    private String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "available_at", nullable = false)
    private Instant availableAt;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    @Column(name = "claimed_by")
    private String claimedBy;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(length = 2000)
    private String result;

    protected InboxItem() {
    }

    public InboxItem(String dedupKey, String connectionId, Decision.Kind kind, String webhookEvent, String issueId,
            String issueKey, String actorKey, byte[] payload, Instant now) {
        this.id = TimeOrderedIds.next();
        this.dedupKey = dedupKey;
        this.connectionId = connectionId;
        this.kind = kind;
        this.webhookEvent = webhookEvent;
        this.issueId = issueId;
        this.issueKey = issueKey;
        this.actorKey = actorKey;
        this.payload = new String(payload, StandardCharsets.UTF_8);
        this.status = Status.PENDING;
        this.availableAt = now;
        this.receivedAt = now;
    }

    public void claim(String instance, Instant leaseUntil) {
        this.status = Status.PROCESSING;
        this.claimedBy = instance;
        this.leaseUntil = leaseUntil;
        this.attempts++;
    }

    public void finish(Status finalStatus, String result, Instant now) {
        this.status = finalStatus;
        this.result = shorten(result);
        this.finishedAt = now;
        this.leaseUntil = null;
    }

    /** What fits the result column. */
    public static String shorten(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 2000);
    }

    public InboxEntry entry() {
        return new InboxEntry(id, connectionId, kind, webhookEvent, issueId, issueKey, payload, attempts, receivedAt);
    }

    public String id() {
        return id;
    }

    public Status status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }
}
