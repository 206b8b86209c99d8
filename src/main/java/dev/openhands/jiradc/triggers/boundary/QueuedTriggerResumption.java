package dev.openhands.jiradc.triggers.boundary;

import dev.openhands.jiradc.jobs.boundary.QueuedTriggers;
import dev.openhands.jiradc.webhooks.boundary.PendingEntries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A queued job's trigger waits in the inbox, done; let in, it is put back to be processed again, and
 * {@link TriggerHandler} then finds its job starting and starts it.
 */
@ApplicationScoped
public class QueuedTriggerResumption implements QueuedTriggers {

    @Inject
    PendingEntries entries;

    @Override
    public Resumed resume(String triggerId) {
        return entries.resume(triggerId, "a slot freed: starting the job that waited for it")
                .map(resumed -> resumed ? Resumed.YES : Resumed.BUSY).orElse(Resumed.GONE);
    }

    @Override
    public void processSoon() {
        entries.processSoon();
    }
}
