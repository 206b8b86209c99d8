package dev.openhands.jiradc.audit.entity;

/** What an audit record says happened. Stored by name: a new action is added at the end, never renamed. */
public enum AuditAction {
    /** A delivery asking for OpenHands entered the inbox (who: the Jira user who asked). */
    TRIGGER_RECEIVED,
    /** The trigger started a job (its id and the conversation's link). */
    JOB_STARTED,
    /** The trigger ended without a job; {@code reason} says why, the bot's comment says what to do. */
    TRIGGER_REFUSED,
    /** The trigger was a follow-up, passed on to the person's running job. */
    TRIGGER_PASSED_ON,
    /** The trigger could not be processed, after its retries (Jira or OpenHands unavailable). */
    TRIGGER_FAILED,
    /** A job reached its final status; {@code outcome} says which. */
    JOB_ENDED,
    /** An admin installed (or reinstalled) the automatic webhook, or generated a manual connection. */
    WEBHOOK_INSTALLED,
    /** An admin said they created the manual webhook in Jira. */
    WEBHOOK_ACTIVATED, WEBHOOK_SECRET_ROTATED, WEBHOOK_UNINSTALLED,
    /** A Jira user was linked to an account (OAuth or email). */
    ACCOUNT_LINKED, ACCOUNT_UNLINKED,
    /** A member of the admin group signed in. */
    ADMIN_SIGNED_IN,
    /** An admin had a manual connection's details, its secret included, shown again. */
    WEBHOOK_SECRET_SHOWN,
    /** Records older than the retention were deleted; {@code outcome} says how many. */
    AUDIT_PRUNED,
    /**
     * An admin created or replaced a Jira project's repositories ({@code outcome}: the default and the allowed list).
     */
    PROJECT_MAPPING_SAVED,
    /** An admin deleted a Jira project's repositories. */
    PROJECT_MAPPING_DELETED,
    /** The trigger's job waits for a slot under the limits ({@code reason} QUEUED); it starts when one frees. */
    TRIGGER_QUEUED,
    /** An admin stopped a running job or took a waiting one out of the queue (who: the admin). */
    JOB_STOPPED_BY_ADMIN,
    /** An admin changed the limits on jobs ({@code outcome}: all of them, as set). */
    LIMITS_CHANGED
}
