package dev.openhands.jiradc.jobs.boundary;

import dev.openhands.jiradc.jobs.entity.Job;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

/** Job records, each committed on its own so that what OpenHands was asked survives any later failure. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class Jobs {

    @PersistenceContext
    EntityManager em;

    private final Clock clock = Clock.systemUTC();

    public Optional<Job> ofTrigger(String triggerId) {
        return em.createNamedQuery(Job.BY_TRIGGER, Job.class).setParameter("triggerId", triggerId).getResultStream().findFirst();
    }

    /** Records that OpenHands is about to be asked; the trigger's unique key stops a second record. */
    public Job starting(String triggerId, String issueId, String issueKey, String accountId, String repository) {
        Job job = new Job(triggerId, issueId, issueKey, accountId, repository, clock.instant());
        em.persist(job);
        return job;
    }

    public Job started(String jobId, String startTaskId, String conversationId) {
        Job job = em.find(Job.class, jobId);
        job.started(startTaskId, conversationId, clock.instant());
        return job;
    }

    public void announced(String jobId) {
        em.find(Job.class, jobId).announced(clock.instant());
    }
}
