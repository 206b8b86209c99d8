package dev.openhands.jiradc.webhooks.control;

import dev.openhands.jiradc.platform.ProcessingContext;
import dev.openhands.jiradc.webhooks.entity.RefusalCount;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Deliveries refused with 403, counted by reason on this instance and logged (at most once per
 * reason every ten seconds, so a flood cannot fill the log). Never holds a secret or a body.
 */
@ApplicationScoped
public class Refusals {

    private static final Logger LOG = ProcessingContext.logger(Refusals.class);
    private static final Duration LOG_INTERVAL = Duration.ofSeconds(10);

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastLogged = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastRefused = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    public void refused(String connectionId, String reason) {
        long count = counts.computeIfAbsent(reason, r -> new AtomicLong()).incrementAndGet();
        Instant now = clock.instant();
        lastRefused.put(reason, now);
        Instant last = lastLogged.get(reason);
        if (last == null || last.plus(LOG_INTERVAL).isBefore(now)) {
            lastLogged.put(reason, now);
            LOG.warning(() -> "Refused a webhook delivery to connection " + connectionId + " with 403: " + reason
                    + " (" + count
                    + " refused for this reason since start). If this is Jira, check that the webhook's URL"
                    + " and signing secret match a connection in Settings > Integrations > Jira Data Center.");
        }
    }

    /** Refusals since start, by reason, with the time of the latest of each. */
    public List<RefusalCount> byReason() {
        List<RefusalCount> all = new ArrayList<>();
        counts().forEach((reason, count) -> all
                .add(new RefusalCount(reason, count, lastRefused.getOrDefault(reason, Instant.EPOCH))));
        return all;
    }

    /** Refusals since start, by reason. */
    public Map<String, Long> counts() {
        Map<String, Long> snapshot = new TreeMap<>();
        counts.forEach((reason, count) -> snapshot.put(reason, count.get()));
        return snapshot;
    }
}
