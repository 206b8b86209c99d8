package dev.openhands.jiradc.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.IntStream;

/**
 * Work claimed from the database in batches and done on the application's {@link Workers}: claim a batch, do it, and
 * claim again while batches come back full. One drain at a time on this instance.
 *
 * <p>Requests for a drain are gathered: the first starts one a moment later, and those that come meanwhile, or
 * while it runs, start nothing more than one drain after it. Under load this is what keeps the cost per item low:
 * a claim, a batch's results and a task handed to a worker each cost about as much for eight items as for one.
 */
public final class ClaimedWork<T> {

    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();
    private final String what;
    private final int batchSize;
    private final Logger log;

    /**
     * @param what the work, as in "{what} failed; the next tick tries again"
     * @param batchSize the most a claim returns: a shorter batch means nothing more is waiting
     */
    public ClaimedWork(String what, int batchSize, Logger log) {
        this.what = what;
        this.batchSize = batchSize;
        this.log = log;
    }

    /** New work was committed: {@code drain} runs after {@code gathering}, or after the drain now running. */
    public void request(ScheduledExecutorService scheduler, Runnable drain, Duration gathering) {
        requested.set(true);
        if (!draining.get() && scheduled.compareAndSet(false, true)) {
            scheduler.schedule(drain, gathering.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Claims and works batches until a batch comes back short. Does nothing while another drain runs.
     *
     * @return whether work was requested while this drain ran, so another should follow
     */
    public boolean drain(Supplier<List<T>> claim, Consumer<List<T>> work) {
        scheduled.set(false);
        if (!draining.compareAndSet(false, true)) {
            return false;
        }
        requested.set(false);
        try {
            List<T> batch;
            do {
                batch = claim.get();
                if (!batch.isEmpty()) {
                    work.accept(batch);
                }
            } while (batch.size() >= batchSize);
        } catch (RuntimeException e) {
            log.log(Level.SEVERE, what + " failed; the next tick tries again", e);
        } finally {
            draining.set(false);
        }
        return requested.get();
    }

    /**
     * Each item on a worker thread of its own, all at once, while this thread keeps their claims: every third of the
     * {@code lease} until all are done it hands {@code renew} the items still being worked on, so that a slow item (a
     * slow Jira or OpenHands) is not taken over by another instance while it is still being done here. A third, so that
     * a renewal can fail twice before the claim runs out.
     */
    public <R> List<R> inParallel(List<T> items, Function<T, R> work, Workers workers, Duration lease,
            Consumer<List<T>> renew) {
        Duration renewEvery = lease.dividedBy(3);
        List<Future<R>> running = items.stream().map(item -> workers.submit(() -> work.apply(item))).toList();
        List<R> results = new ArrayList<>(items.size());
        long renewAt = System.nanoTime() + renewEvery.toNanos();
        try {
            while (results.size() < running.size()) {
                try {
                    results.add(running.get(results.size()).get(Math.max(0, renewAt - System.nanoTime()),
                            TimeUnit.NANOSECONDS));
                } catch (TimeoutException e) {
                    renewAt = System.nanoTime() + renewEvery.toNanos();
                    renewClaims(
                            IntStream.range(0, items.size()).filter(i -> !running.get(i).isDone()).mapToObj(items::get)
                                    .toList(),
                            renew);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the batch", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        return results;
    }

    private void renewClaims(List<T> working, Consumer<List<T>> renew) {
        try {
            renew.accept(working);
        } catch (RuntimeException e) {
            log.log(Level.WARNING,
                    "Could not renew the claims of " + working.size() + " items still being worked on; trying again",
                    e);
        }
    }
}
