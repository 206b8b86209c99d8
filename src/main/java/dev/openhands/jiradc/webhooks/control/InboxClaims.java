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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Hands out inbox rows: each claim locks the rows it takes with {@code FOR UPDATE SKIP LOCKED}
 * (PostgreSQL and H2), so instances sharing a database never take the same row, and leases them,
 * so that a row whose instance died is taken again once its lease has run out.
 */
@ApplicationScoped
public class InboxClaims {

    /*
     * Two queries, each a range of the index (status, available_at) or its status prefix: the table keeps every
     * entry until it is pruned, and one query with "or" between the two reads every row of it on each claim.
     */
    private static final String PENDING = "select * from inbox where status = 'PENDING' and available_at <= ?1"
            + " order by available_at fetch first %d rows only for update skip locked";
    private static final String LEASE_EXPIRED = "select * from inbox where status = 'PROCESSING' and lease_until < ?1"
            + " order by lease_until fetch first %d rows only for update skip locked";

    @PersistenceContext
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @SuppressWarnings("unchecked")
    public List<InboxEntry> claim(String instance, int max, Instant now, Duration lease) {
        List<InboxItem> items = new ArrayList<>(
                em.createNativeQuery(PENDING.formatted(max), InboxItem.class).setParameter(1, now).getResultList());
        if (items.size() < max) {
            items.addAll(em.createNativeQuery(LEASE_EXPIRED.formatted(max - items.size()), InboxItem.class).setParameter(1, now)
                    .getResultList());
        }
        items.forEach(item -> item.claim(instance, now.plus(lease)));
        return items.stream().map(InboxItem::entry).toList();
    }

    /**
     * Cancels the triggers still waiting with this key, or for this issue: those being processed or done are
     * left alone. Waiting rows are locked like claims, so an instance about to take one cannot.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @SuppressWarnings("unchecked")
    public int cancelPending(Optional<String> dedupKey, String issueId, String reason, Instant now) {
        var query = em.createNativeQuery("select * from inbox where status = 'PENDING' and kind = 'TRIGGER' and issue_id = ?1"
                + (dedupKey.isPresent() ? " and dedup_key = ?2" : "") + " for update skip locked", InboxItem.class)
                .setParameter(1, issueId);
        dedupKey.ifPresent(key -> query.setParameter(2, key));
        List<InboxItem> waiting = query.getResultList();
        waiting.forEach(item -> {
            item.finish(InboxItem.Status.DONE, "cancelled: " + reason, now);
            logged(item.id(), "cancelled: " + reason);
        });
        return waiting.size();
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
        logged(id, result);
    }

    private void logged(String inboxId, String result) {
        em.createNamedQuery(Delivery.OF_INBOX_ITEM, Delivery.class).setParameter("inboxId", inboxId).getResultStream()
                .forEach(delivery -> delivery.processed(result));
    }
}
