package dev.openhands.jiradc.webhooks.control;

import dev.openhands.jiradc.webhooks.entity.Delivery;
import dev.openhands.jiradc.webhooks.entity.Handled;
import dev.openhands.jiradc.webhooks.entity.InboxEntry;
import dev.openhands.jiradc.webhooks.entity.InboxItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Hands out inbox rows: each claim locks the rows it takes with {@code FOR UPDATE SKIP LOCKED}
 * (PostgreSQL and H2), so instances sharing a database never take the same row, and leases them,
 * so that a row whose instance died is taken again once its lease has run out.
 */
@ApplicationScoped
public class InboxClaims {

    private static final String CLAIMABLE = "select * from inbox"
            + " where (status = 'PENDING' and available_at <= ?1) or (status = 'PROCESSING' and lease_until < ?1)"
            + " order by received_at fetch first %d rows only for update skip locked";

    @PersistenceContext
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @SuppressWarnings("unchecked")
    public List<InboxEntry> claim(String instance, int max, Instant now, Duration lease) {
        List<InboxItem> items = em.createNativeQuery(CLAIMABLE.formatted(max), InboxItem.class).setParameter(1, now).getResultList();
        items.forEach(item -> item.claim(instance, now.plus(lease)));
        return items.stream().map(InboxItem::entry).toList();
    }

    /** Records what the handler made of the entry, here and in the delivery log; gives up after {@code maxAttempts}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void finish(String id, Handled handled, int maxAttempts, Instant now) {
        InboxItem item = em.find(InboxItem.class, id);
        String result = handled.result();
        switch (handled.outcome()) {
            case DONE -> item.finish(InboxItem.Status.DONE, result, now);
            case FAILED -> item.finish(InboxItem.Status.FAILED, result, now);
            case RETRY -> {
                if (item.attempts() >= maxAttempts) {
                    result = "failed after " + item.attempts() + " attempts: " + result;
                    item.finish(InboxItem.Status.FAILED, result, now);
                } else {
                    item.retryAt(now.plus(handled.retryAfter().orElseThrow()), result);
                    result = "will retry: " + result;
                }
            }
        }
        String logged = result;
        em.createNamedQuery(Delivery.OF_INBOX_ITEM, Delivery.class).setParameter("inboxId", id).getResultStream()
                .forEach(delivery -> delivery.processed(logged));
    }
}
