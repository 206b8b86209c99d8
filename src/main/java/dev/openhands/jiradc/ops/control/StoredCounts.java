package dev.openhands.jiradc.ops.control;

import dev.openhands.jiradc.jobs.boundary.Jobs;
import dev.openhands.jiradc.jobs.entity.Job;
import dev.openhands.jiradc.platform.Metrics;
import dev.openhands.jiradc.webhooks.boundary.InboxCounts;
import dev.openhands.jiradc.webhooks.entity.InboxItem;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Jobs and inbox entries by status, as Prometheus gauges (read from the database, so the same on every instance), asked
 * of the components that own them and counted at most every {@link #MAX_AGE}: each count reads a table, and scrapes (or
 * anyone allowed to scrape) must not make the database work for every request. Every status has its value, 0 when
 * none is in that status, so that a query or an alert on one never finds it missing.
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

    private record Counted(MetricSnapshot[] gauges, Instant at) {
    }

    public MetricSnapshot[] gauges() {
        Counted counted = last;
        if (counted == null || counted.at().plus(MAX_AGE).isBefore(Instant.now())) {
            counted = new Counted(new MetricSnapshot[]{
                    Metrics.gauge("openhands_jira_jobs", "Jobs in the database, by status" + EVERY, "status",
                            everyStatus(Job.Status.values(), jobs.countByStatus())),
                    Metrics.gauge("openhands_jira_inbox", "Inbox entries in the database, by status" + EVERY, "status",
                            everyStatus(InboxItem.Status.values(), inbox.byStatus()))},
                    Instant.now());
            last = counted;
        }
        return counted.gauges();
    }

    static Map<String, Long> everyStatus(Enum<?>[] statuses, Map<String, Long> counted) {
        Map<String, Long> all = new TreeMap<>();
        for (Enum<?> status : statuses) {
            all.put(status.name(), 0L);
        }
        all.putAll(counted);
        return all;
    }
}
