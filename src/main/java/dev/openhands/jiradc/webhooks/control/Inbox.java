package dev.openhands.jiradc.webhooks.control;

import dev.openhands.jiradc.audit.boundary.Audit;
import dev.openhands.jiradc.audit.entity.AuditAction;
import dev.openhands.jiradc.audit.entity.AuditEvent;
import dev.openhands.jiradc.jira.entity.JiraUser;
import dev.openhands.jiradc.jira.entity.WebhookEvent;
import dev.openhands.jiradc.webhooks.entity.Decision;
import dev.openhands.jiradc.webhooks.entity.Delivery;
import dev.openhands.jiradc.webhooks.entity.InboxItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Commits a delivery that asks for work: its inbox row (unless it is a repeat) and its line in the delivery log. */
@ApplicationScoped
public class Inbox {

    public static final String DUPLICATE = "duplicate";

    @PersistenceContext
    EntityManager em;

    @Inject
    Audit audit;

    /**
     * @param decision one that {@linkplain Decision#entersInbox() enters the inbox}
     * @return the outcome recorded for the delivery: the decision's, or {@link #DUPLICATE}
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public String accept(String connectionId, WebhookEvent event, Decision decision, byte[] payload, Instant now) {
        String key = decision.dedupKey().orElseThrow();
        if (em.createNamedQuery(InboxItem.COUNT_BY_KEY, Long.class).setParameter("key", key).getSingleResult() > 0) {
            em.persist(Delivery.of(null, connectionId, now, event, DUPLICATE));
            return DUPLICATE;
        }
        InboxItem item = new InboxItem(key, connectionId, decision.kind(), event.webhookEvent(),
                event.issueId().orElse(null),
                event.issueKey().orElse(null), event.actor().map(JiraUser::key).orElse(null), payload, now);
        em.persist(item);
        em.persist(Delivery.of(item.id(), connectionId, now, event, decision.outcome()));
        if (decision.kind() == Decision.Kind.TRIGGER) {
            audit.record(AuditEvent.of(AuditAction.TRIGGER_RECEIVED, event.actor().map(JiraUser::name).orElse(null))
                    .issue(event.issueKey().orElse(null)).connection(connectionId).outcome(event.webhookEvent()
                            + event.comment().map(comment -> ", comment " + comment.id()).orElse("")));
        }
        return decision.outcome();
    }
}
