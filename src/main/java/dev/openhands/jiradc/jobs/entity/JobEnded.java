package dev.openhands.jiradc.jobs.entity;

/**
 * A job that took a slot under the limits ended (finished, failed, stopped): fired in the transaction that records it,
 * so that once it committed a job waiting for a slot may start.
 */
public record JobEnded(String jobId) {
}
