package dev.openhands.jiradc.webhooks.control;

import dev.openhands.jiradc.jira.entity.JiraUser;
import dev.openhands.jiradc.jira.entity.WebhookEvent;
import dev.openhands.jiradc.webhooks.entity.Decision;
import dev.openhands.jiradc.webhooks.entity.Delivery;
import dev.openhands.jiradc.webhooks.entity.InboxItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Commits an accepted delivery: its line in the delivery log and, when it asks for work, its inbox row. */
@ApplicationScoped
public class Inbox {

    public static final String DUPLICATE = "duplicate";

    @PersistenceContext
    EntityManager em;

    /** @return the outcome recorded for the delivery */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public String accept(String connectionId, WebhookEvent event, Decision decision, byte[] payload, Instant now) {
        String outcome = decision.outcome();
        String inboxId = null;
        if (decision.entersInbox()) {
            String key = decision.dedupKey().orElseThrow();
            boolean seen = em.createNamedQuery(InboxItem.COUNT_BY_KEY, Long.class).setParameter("key", key).getSingleResult() > 0;
            if (seen) {
                outcome = DUPLICATE;
            } else {
                InboxItem item = new InboxItem(key, connectionId, decision.kind(), event.webhookEvent(), event.issueId().orElse(null),
                        event.issueKey().orElse(null), event.actor().map(JiraUser::key).orElse(null), payload, now);
                em.persist(item);
                inboxId = item.id();
            }
        }
        em.persist(new Delivery(inboxId, connectionId, now, event.webhookEvent(), event.issueKey().orElse(null),
                event.actor().map(JiraUser::name).orElse(null), outcome));
        return outcome;
    }
}
