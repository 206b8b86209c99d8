package dev.openhands.jiradc.webhooks.control;

import dev.openhands.jiradc.connections.boundary.Connections;
import dev.openhands.jiradc.jira.entity.WebhookEvent;
import dev.openhands.jiradc.platform.Metrics;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import dev.openhands.jiradc.settings.entity.SettingsKeys;
import dev.openhands.jiradc.webhooks.boundary.EventRules;
import dev.openhands.jiradc.webhooks.entity.Decision;
import dev.openhands.jiradc.webhooks.entity.Delivery;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ForbiddenException;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Takes one delivery from Jira: the signature header's form and the connection before the body is read, the
 * signature over the raw bytes before anything is parsed, then the JSON, its age, the Jira host it names, the
 * decision (asked of {@link EventRules}), and the commit. Makes no outbound call.
 */
@ApplicationScoped
public class DeliveryReceiver {

    /** The one body every refused delivery gets, whatever the reason: the reason is logged and counted instead. */
    public static final String REFUSED = "This delivery is not accepted.";

    @Inject
    Connections connections;

    @Inject
    Inbox inbox;

    @Inject
    Refusals refusals;

    @Inject
    Metrics metrics;

    @Inject
    InboxDispatcher dispatcher;

    @Inject
    DeliveryLogWriter log;

    /** Deciding is the triggers component's: it says what the event means, webhooks keeps what it commits. */
    @Inject
    EventRules rules;

    @Inject
    IntegrationSettings settings;

    private final Clock clock = Clock.systemUTC();
    private JiraOrigin jira;

    @PostConstruct
    void readJiraOrigin() {
        jira = new JiraOrigin(settings.jiraBaseUrl().map(URI::toString).orElse(""));
    }

    /** A delivery whose signature header has the right form, for a connection that is active: its body may be read. */
    public record Admission(String connectionId, byte[] signature, List<String> secrets) {
    }

    /** The checks that need no body, made before it is read: a stranger's large body is never read. */
    public Admission admit(String connectionId, String signatureHeader) {
        byte[] signature = Signatures.parse(signatureHeader).orElseThrow(() -> refuse(connectionId,
                signatureHeader == null ? "no " + Signatures.HEADER + " header"
                        : "malformed " + Signatures.HEADER + " header"));
        List<String> secrets = connections.acceptedSecrets(connectionId, clock.instant());
        if (secrets.isEmpty()) {
            throw refuse(connectionId, "unknown or inactive connection");
        }
        return new Admission(connectionId, signature, secrets);
    }

    /** @return what became of the delivery, as the delivery log says it */
    public String receive(Admission admitted, byte[] body) {
        Instant now = clock.instant();
        String connectionId = admitted.connectionId();
        if (!Signatures.signedByAny(body, admitted.signature(), admitted.secrets())) {
            throw refuse(connectionId, "wrong signature");
        }
        WebhookEvent event = parse(connectionId, body, now);
        if (Instant.ofEpochMilli(event.timestamp()).isBefore(now.minus(replayWindow()))) {
            // its duplicate key may already be pruned: taken again, a captured delivery would start a new job as its
            // actor
            throw refuse(connectionId,
                    "signed timestamp older than duplicates are remembered (a replay, or a clock far behind)");
        }
        for (String url : event.jiraUrls()) {
            if (!jira.names(url)) {
                throw refuse(connectionId, "the payload names the Jira host " + JiraOrigin.of(url) + ", not the one in "
                        + SettingsKeys.BASE_URL);
            }
        }
        Decision decision = rules.decide(event);
        if (!decision.entersInbox()) {
            log.later(Delivery.of(null, connectionId, now, event, decision.outcome()));
            metrics.delivered(decision.outcome());
            return decision.outcome();
        }
        String outcome = accept(connectionId, event, decision, body, now);
        metrics.delivered(outcome);
        log.deliveredTo(connectionId);
        if (!outcome.equals(Inbox.DUPLICATE)) {
            dispatcher.nudge();
        }
        return outcome;
    }

    /** How old a delivery may be: nine tenths of the retention of the duplicate keys, so that none outlives its key. */
    Duration replayWindow() {
        return settings.deliveryLogRetention().multipliedBy(9).dividedBy(10);
    }

    private WebhookEvent parse(String connectionId, byte[] body, Instant now) {
        JsonObject json;
        try {
            json = DeliveryJson.read(body);
        } catch (CharacterCodingException | RuntimeException e) {
            log.later(Delivery.rejected(connectionId, now, "rejected: the body is not a JSON object"));
            metrics.delivered("rejected");
            throw new BadRequestException("The body is not a JSON object.");
        }
        try {
            return WebhookEvent.parse(json);
        } catch (WebhookEvent.MalformedEvent e) {
            log.later(Delivery.rejected(connectionId, now, "rejected: " + e.getMessage()));
            metrics.delivered("rejected");
            throw new BadRequestException(e.getMessage());
        }
    }

    /**
     * Two identical deliveries at once: one commits, the other hits the unique key and, tried again, is a duplicate.
     */
    private String accept(String connectionId, WebhookEvent event, Decision decision, byte[] body, Instant now) {
        try {
            return inbox.accept(connectionId, event, decision, body, now);
        } catch (PersistenceException | jakarta.transaction.TransactionalException e) {
            return inbox.accept(connectionId, event, decision, body, now);
        }
    }

    private ForbiddenException refuse(String connectionId, String reason) {
        refusals.refused(connectionId, reason);
        metrics.delivered("refused");
        return new ForbiddenException(REFUSED);
    }

}
