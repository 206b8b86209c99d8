package dev.openhands.jiradc.platform;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class RepeatingTest {

    @Test
    void aFailedRunIsLoggedAndTheNextOnesStillCome() throws InterruptedException {
        Logger log = Logger.getAnonymousLogger();
        log.setUseParentHandlers(false);
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        log.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch threeRuns = new CountDownLatch(3);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            Repeating.every(scheduler, Duration.ofMillis(10), () -> {
                threeRuns.countDown();
                if (runs.incrementAndGet() == 1) {
                    throw new IllegalStateException("the database is away");
                }
            }, log, "Could not prune; the next run tries again");
            assertTrue(threeRuns.await(10, TimeUnit.SECONDS), "runs after the failed one: " + (runs.get() - 1));
        } finally {
            scheduler.shutdownNow();
        }
        assertEquals(1, logged.size());
        assertEquals("Could not prune; the next run tries again", logged.get(0).getMessage());
        assertEquals("the database is away", logged.get(0).getThrown().getMessage());
    }

    @Test
    void whatIsKeptBrieflyIsPrunedAsOftenAsItIsKept() {
        assertEquals(Duration.ofHours(1), Repeating.pruningPeriod(Duration.ofHours(1), Duration.ofDays(30)));
        assertEquals(Duration.ofMinutes(5), Repeating.pruningPeriod(Duration.ofHours(1), Duration.ofMinutes(5)));
        assertEquals(Duration.ofSeconds(1), Repeating.pruningPeriod(Duration.ofHours(1), Duration.ofMillis(10)));
    }
}
