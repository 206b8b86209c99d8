package dev.openhands.jiradc.webhooks.control;

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
 * (PostgreSQL and H2), so instances sharing a database never take the same row, and leases them;
 * a row whose instance died is put back once its lease has run out.
 */
@ApplicationScoped
public class InboxClaims {

    /* a range of the index (status, available_at) */
    private static final String PENDING = "select * from inbox where status = 'PENDING' and available_at <= ?1"
            + " order by available_at fetch first %d rows only for update skip locked";

    @PersistenceContext
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @SuppressWarnings("unchecked")
    public List<InboxEntry> claim(String instance, int max, Instant now, Duration lease) {
        List<InboxItem> items = em.createNativeQuery(PENDING.formatted(max), InboxItem.class).setParameter(1, now)
                .getResultList();
        items.forEach(item -> item.claim(instance, now.plus(lease)));
        return items.stream().map(InboxItem::entry).toList();
    }

    /** Puts back the rows whose instance stopped before finishing them and whose lease has run out. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int releaseExpired(Instant now) {
        return em.createNamedQuery(InboxItem.RELEASE_EXPIRED).setParameter("pending", InboxItem.Status.PENDING)
                .setParameter("processing", InboxItem.Status.PROCESSING).setParameter("now", now).executeUpdate();
    }

    /**
     * Cancels the triggers still waiting with this key, or for this issue: those being processed or done are
     * left alone. Waiting rows are locked like claims, so an instance about to take one cannot.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @SuppressWarnings("unchecked")
    public int cancelPending(Optional<String> dedupKey, String issueId, String reason, Instant now) {
        var query = em
                .createNativeQuery("select * from inbox where status = 'PENDING' and kind = 'TRIGGER' and issue_id = ?1"
                        + (dedupKey.isPresent() ? " and dedup_key = ?2" : "") + " for update skip locked",
                        InboxItem.class)
                .setParameter(1, issueId);
        dedupKey.ifPresent(key -> query.setParameter(2, key));
        List<InboxItem> waiting = query.getResultList();
        waiting.forEach(item -> item.finish(InboxItem.Status.DONE, "cancelled: " + reason, now));
        return waiting.size();
    }

    /**
     * Puts a trigger that was done (it waited for a slot) back in the inbox, to be processed again, in the caller's
     * transaction.
     *
     * @return whether it was put back; if not, whether it is still being processed (so may be put back later)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Boolean> resume(String id, String reason, Instant now) {
        int resumed = em.createNamedQuery(InboxItem.RESUME).setParameter("pending", InboxItem.Status.PENDING)
                .setParameter("now", now).setParameter("result", InboxItem.shorten(reason)).setParameter("id", id)
                .setParameter("done", InboxItem.Status.DONE).executeUpdate();
        if (resumed == 1) {
            return Optional.of(true);
        }
        InboxItem item = em.find(InboxItem.class, id);
        return item == null || item.status() == InboxItem.Status.FAILED ? Optional.empty() : Optional.of(false);
    }

    /** Keeps these entries, claimed by {@code instance} and still being worked on, from being taken by another. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void renew(List<InboxEntry> entries, String instance, Instant until) {
        for (InboxEntry entry : entries) {
            em.createNamedQuery(InboxItem.RENEW).setParameter("until", until).setParameter("id", entry.id())
                    .setParameter("instance", instance).setParameter("attempt", entry.attempt()).executeUpdate();
        }
    }

    /**
     * Records what the handlers made of a batch of entries, in one transaction; an entry to retry that has had
     * {@code maxAttempts} fails instead. An entry whose claim ran out and was taken by another instance (or claimed
     * again) is left to its new owner.
     *
     * @return the entries whose claim was lost, and what became of them was not recorded
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<InboxEntry> finish(List<InboxEntry> entries, List<Handled> results, int maxAttempts, String instance,
            Instant now) {
        List<InboxEntry> lost = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            InboxEntry entry = entries.get(i);
            Handled handled = results.get(i);
            boolean retry = handled.outcome() == Handled.Outcome.RETRY && entry.attempt() < maxAttempts;
            boolean gaveUp = handled.outcome() == Handled.Outcome.RETRY && !retry;
            InboxItem.Status status = retry ? InboxItem.Status.PENDING
                    : handled.outcome() == Handled.Outcome.DONE ? InboxItem.Status.DONE : InboxItem.Status.FAILED;
            String result = gaveUp ? "failed after " + entry.attempt() + " attempts: " + handled.result()
                    : handled.result();
            int recorded = em.createNamedQuery(retry ? InboxItem.RETRY : InboxItem.FINISH)
                    .setParameter("id", entry.id())
                    .setParameter("status", status).setParameter("result", InboxItem.shorten(result))
                    .setParameter("at", retry ? now.plus(handled.retryAfter().orElseThrow()) : now)
                    .setParameter("instance", instance).setParameter("attempt", entry.attempt()).executeUpdate();
            if (recorded == 0) {
                lost.add(entry);
            }
        }
        return lost;
    }
}
