package dev.openhands.jiradc.webhooks.entity;

import dev.openhands.jiradc.jira.entity.JiraUser;
import dev.openhands.jiradc.jira.entity.WebhookEvent;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.Optional;

/** One accepted delivery and what became of it: the answer to "deliveries arrive but no job starts". */
@Entity
@Table(name = "delivery")
@NamedQuery(name = Delivery.RECENT, query = "select d, i.status, i.result from Delivery d left join InboxItem i on i.id"
        + " = d.inboxId order by d.receivedAt desc")
@NamedQuery(name = Delivery.PRUNE, query = "delete from Delivery d where d.receivedAt < :before")
public class Delivery {

    public static final String RECENT = "Delivery.recent";
    public static final String PRUNE = "Delivery.prune";
    /** In front of the reason of an entry that will be tried again. */
    private static final String WILL_RETRY = "will retry: ";

    @Id
    private String id;

    @Column(name = "inbox_id")
    private String inboxId;

    @Column(name = "connection_id", nullable = false)
    private String connectionId;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "webhook_event")
    private String webhookEvent;

    @Column(name = "issue_key")
    private String issueKey;

    private String actor;

    @Column(nullable = false, length = 500)
    private String outcome;

    /** What processing made of it, kept by its inbox entry (if any) and read with this line: see {@link #RECENT}. */
    @Transient
    private String result;

    protected Delivery() {
    }

    private Delivery(String inboxId, String connectionId, Instant receivedAt, String webhookEvent, String issueKey,
            String actor,
            String outcome) {
        this.id = TimeOrderedIds.next();
        this.inboxId = inboxId;
        this.connectionId = connectionId;
        this.receivedAt = receivedAt;
        this.webhookEvent = webhookEvent;
        this.issueKey = issueKey;
        this.actor = actor;
        this.outcome = shorten(outcome);
    }

    /** The line of a delivery the receiver read as a Jira event. */
    public static Delivery of(String inboxId, String connectionId, Instant receivedAt, WebhookEvent event,
            String outcome) {
        return new Delivery(inboxId, connectionId, receivedAt, event.webhookEvent(), event.issueKey().orElse(null),
                event.actor().map(JiraUser::name).orElse(null), outcome);
    }

    /** The line of a signed delivery that could not be read as a Jira event. */
    public static Delivery rejected(String connectionId, Instant receivedAt, String outcome) {
        return new Delivery(null, connectionId, receivedAt, null, null, null, outcome);
    }

    /**
     * What processing made of the delivery the receiver accepted, as its inbox entry says: "job started", "failed:
     * ...".
     */
    public void processed(InboxItem.Status status, String inboxResult) {
        boolean unfinished = status == InboxItem.Status.PENDING || status == InboxItem.Status.PROCESSING;
        this.result = inboxResult == null ? null : unfinished ? WILL_RETRY + inboxResult : inboxResult;
    }

    private static String shorten(String text) {
        return text.length() > 500 ? text.substring(0, 497) + "..." : text;
    }

    public String connectionId() {
        return connectionId;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public Optional<String> webhookEvent() {
        return Optional.ofNullable(webhookEvent);
    }

    public Optional<String> issueKey() {
        return Optional.ofNullable(issueKey);
    }

    public Optional<String> actor() {
        return Optional.ofNullable(actor);
    }

    public String outcome() {
        return outcome;
    }

    public Optional<String> result() {
        return Optional.ofNullable(result);
    }
}
