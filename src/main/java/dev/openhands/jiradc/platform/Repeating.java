package dev.openhands.jiradc.platform;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A task run again and again, that one failed run does not end. */
public final class Repeating {

    private Repeating() {
    }

    /**
     * Runs {@code task} every {@code period}, the first time one period from now. A run that throws is logged with
     * {@code failure} and the next run comes as planned: a scheduled task that throws is never run again.
     */
    public static ScheduledFuture<?> every(ScheduledExecutorService scheduler, Duration period, Runnable task,
            Logger log, String failure) {
        long millis = Math.max(1, period.toMillis());
        return scheduler.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.log(Level.WARNING, failure, e);
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** How often to prune what is kept for {@code retention}: {@code atMost}, or as often as the retention is long. */
    public static Duration pruningPeriod(Duration atMost, Duration retention) {
        return Duration.ofSeconds(Math.max(1, Math.min(atMost.toSeconds(), retention.toSeconds())));
    }
}
