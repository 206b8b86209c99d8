package dev.openhands.jiradc.triggers.control;

/**
 * A trigger that cannot become a job: the comment that tells the person the next step, and the result for the delivery
 * log.
 */
public record DeadEnd(String comment, String result) {
}
