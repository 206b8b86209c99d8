package dev.openhands.jiradc.jobs.boundary;

/**
 * Where a queued job's trigger waits, asked to process it again once the job is let in: implemented by the component
 * that handles triggers (found by CDI), so that jobs knows nothing of the inbox.
 */
public interface QueuedTriggers {

    /** What became of the request to process a trigger again. */
    enum Resumed {
        /** It will be processed again, by whichever instance takes it first. */
        YES,
        /** It is still being processed from its arrival: ask again later. */
        BUSY,
        /** It is no longer there (pruned after the delivery log's retention): the job cannot start. */
        GONE
    }

    /**
     * Marks the trigger to be processed again, in the caller's transaction: if that rolls back, so does this.
     *
     * @param triggerId the job's {@code triggerId}
     */
    Resumed resume(String triggerId);

    /** After the transaction that resumed triggers committed: process them now rather than at the next poll. */
    void processSoon();
}
