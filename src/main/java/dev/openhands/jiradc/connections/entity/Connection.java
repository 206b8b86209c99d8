package dev.openhands.jiradc.connections.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * One registration of this service as a Jira webhook target: its id (in the events URL), its
 * signing secret (sealed), and whether deliveries to it are accepted. While a rotated secret's
 * grace lasts, deliveries signed with the previous secret are accepted too.
 */
@Entity
@Table(name = "jira_connection")
@NamedQuery(name = Connection.ALL, query = "select c from Connection c order by c.createdAt")
@NamedQuery(name = Connection.BY_SETUP, query = "select c from Connection c where c.setup = :setup order by"
        + " c.createdAt")
@NamedQuery(name = Connection.DELIVERED, query = "update Connection c set c.lastDeliveryAt = :now where c.id = :id"
        + " and (c.lastDeliveryAt is null or c.lastDeliveryAt < :staleBefore)")
public class Connection {

    public static final String ALL = "Connection.all";
    public static final String BY_SETUP = "Connection.bySetup";
    /** Records a delivery at most once a minute, so that busy webhooks do not all queue on this row. */
    public static final String DELIVERED = "Connection.delivered";
    public static final String SECRET_PURPOSE = "connection.webhook-secret";
    public static final String WEBHOOK_NAME = "OpenHands";
    /** What the Jira webhook subscribes to, in the order Jira's admin UI lists them. */
    public static final List<String> EVENTS = List.of("jira:issue_created", "jira:issue_updated", "jira:issue_deleted",
            "comment_created", "comment_updated", "comment_deleted");

    public enum Setup {
        /** Installed through Jira's webhook API with an admin's one-time PAT. */
        AUTOMATIC,
        /** Created by an admin in Jira's UI from the generated URL and secret. */
        MANUAL;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Status {
        INACTIVE, ACTIVE;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Id
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Setup setup;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "secret_sealed", nullable = false, length = 512)
    private String secretSealed;

    @Column(name = "previous_secret_sealed", length = 512)
    private String previousSecretSealed;

    @Column(name = "previous_secret_valid_until")
    private Instant previousSecretValidUntil;

    @Column(name = "jira_webhook_id")
    private String jiraWebhookId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "activated_at")
    private Instant activatedAt;

    @Column(name = "secret_rotated_at")
    private Instant secretRotatedAt;

    @Column(name = "last_delivery_at")
    private Instant lastDeliveryAt;

    protected Connection() {
    }

    public Connection(Setup setup, String sealedSecret, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.setup = setup;
        this.status = Status.INACTIVE;
        this.secretSealed = sealedSecret;
        this.createdAt = now;
    }

    /** Where Jira delivers events for this connection. */
    public String eventsUrl(java.net.URI appUrl) {
        return appUrl + "/integration/jira-dc/connections/" + id + "/events";
    }

    public void activate(Instant now) {
        if (status != Status.ACTIVE) {
            status = Status.ACTIVE;
            activatedAt = now;
        }
    }

    public void deactivate() {
        status = Status.INACTIVE;
        jiraWebhookId = null;
    }

    public void installedAs(String webhookId) {
        this.jiraWebhookId = webhookId;
    }

    /** A new secret; the current one keeps working until {@code graceUntil}. */
    public void rotate(String newSealedSecret, Instant now, Instant graceUntil) {
        previousSecretSealed = secretSealed;
        previousSecretValidUntil = graceUntil;
        secretSealed = newSealedSecret;
        secretRotatedAt = now;
    }

    /** The sealed secrets a delivery may be signed with now: the current one, and the previous during its grace. */
    public List<String> acceptedSealedSecrets(Instant now) {
        List<String> secrets = new ArrayList<>(List.of(secretSealed));
        if (previousSecretSealed != null && previousSecretValidUntil != null
                && now.isBefore(previousSecretValidUntil)) {
            secrets.add(previousSecretSealed);
        }
        return secrets;
    }

    public boolean active() {
        return status == Status.ACTIVE;
    }

    public String id() {
        return id;
    }

    public Setup setup() {
        return setup;
    }

    public Status status() {
        return status;
    }

    public String sealedSecret() {
        return secretSealed;
    }

    public Optional<String> jiraWebhookId() {
        return Optional.ofNullable(jiraWebhookId);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> activatedAt() {
        return Optional.ofNullable(activatedAt);
    }

    public Optional<Instant> secretRotatedAt() {
        return Optional.ofNullable(secretRotatedAt);
    }

    public Optional<Instant> previousSecretValidUntil(Instant now) {
        return Optional.ofNullable(previousSecretValidUntil).filter(now::isBefore);
    }

    public Optional<Instant> lastDeliveryAt() {
        return Optional.ofNullable(lastDeliveryAt);
    }
}
