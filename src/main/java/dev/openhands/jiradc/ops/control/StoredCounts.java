package dev.openhands.jiradc.ops.control;

import dev.openhands.jiradc.jobs.boundary.Jobs;
import dev.openhands.jiradc.platform.Metrics;
import dev.openhands.jiradc.webhooks.boundary.InboxCounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;

/**
 * Jobs and inbox entries by status, as Prometheus gauges (read from the database, so the same on every instance), asked
 * of the components that own them and counted at most every {@link #MAX_AGE}: each count reads a table, and scrapes (or
 * anyone allowed to scrape) must not make the database work for every request.
 */
@ApplicationScoped
public class StoredCounts {

    static final Duration MAX_AGE = Duration.ofSeconds(5);
    private static final String EVERY = " (counted at most every 5 s)";

    @Inject
    Jobs jobs;

    @Inject
    InboxCounts inbox;

    private volatile Counted last;

    private record Counted(String text, Instant at) {
    }

    public String render() {
        Counted counted = last;
        if (counted == null || counted.at().plus(MAX_AGE).isBefore(Instant.now())) {
            String jobCounts = Metrics.gauge("openhands_jira_jobs", "Jobs in the database, by status" + EVERY, "status",
                    jobs.countByStatus());
            String inboxCounts = Metrics.gauge("openhands_jira_inbox", "Inbox entries in the database, by status" + EVERY,
                    "status", inbox.byStatus());
            counted = new Counted(jobCounts + inboxCounts, Instant.now());
            last = counted;
        }
        return counted.text();
    }
}
