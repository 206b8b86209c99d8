package dev.openhands.jiradc.jobs.control;

import java.time.Instant;

/**
 * A job's next check comes sooner than the follower's next tick (a job just started, or waiting for its conversation's
 * link): fired in the transaction that records it, so that the follower looks at the job then, once it committed.
 */
public record JobDue(String jobId, Instant at) {
}
