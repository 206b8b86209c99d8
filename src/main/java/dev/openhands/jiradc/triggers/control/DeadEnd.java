package dev.openhands.jiradc.triggers.control;

/**
 * A trigger that cannot become a job: the comment that tells the person the next step, the result for the delivery
 * log, and the reason as a code for the audit trail.
 */
public record DeadEnd(String comment, String result, Reason reason) {

    /** Why a trigger ended without a job, as the audit trail records it (by name: add, never rename). */
    public enum Reason {
        NO_ACCOUNT, ACCOUNT_NOT_LINKED, NO_OPENHANDS_KEY, OPENHANDS_KEY_REFUSED, OPENHANDS_KEY_NOT_ISSUED,
        NO_REPOSITORY, SEVERAL_REPOSITORIES, REPOSITORY_NAMED_BY_OTHERS, REPOSITORY_NOT_FOUND, GIT_NOT_CONNECTED,
        REPOSITORY_NOT_ALLOWED, LIMIT_REACHED,
        /** Not an end: the job waits for a slot under the limits (the audit trail says TRIGGER_QUEUED). */
        QUEUED,
        /** A dead end that names no reason of its own yet. */
        OTHER
    }

    /** A dead end without its own reason code ({@link Reason#OTHER}). */
    public DeadEnd(String comment, String result) {
        this(comment, result, Reason.OTHER);
    }
}
