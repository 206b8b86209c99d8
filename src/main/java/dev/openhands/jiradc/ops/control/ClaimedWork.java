package dev.openhands.jiradc.ops.control;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Work claimed from the database in batches and done on the managed executor: claim a batch, do each item
 * in parallel, wait, and claim again until nothing is left. One drain at a time on this instance. A drain
 * asked for while one runs is not started: the running one claims once more before it ends. (Handing a task
 * to a managed executor costs far more than the webhook it follows, so under load most requests start
 * nothing; a request in the instant a drain ends waits for the next tick.)
 */
public final class ClaimedWork<T> {

    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final String what;
    private final Logger log;

    /** @param what the work, as in "{what} failed; the next tick tries again" */
    public ClaimedWork(String what, Logger log) {
        this.what = what;
        this.log = log;
    }

    /** New work was committed: starts {@code drain} on the executor, unless a drain is running, which then looks again. */
    public void request(Executor executor, Runnable drain) {
        if (draining.get()) {
            again.set(true);
        } else {
            executor.execute(drain);
        }
    }

    public void drain(Supplier<List<T>> claim, Consumer<T> work, ManagedExecutorService workers) {
        if (!draining.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        try {
            do {
                again.set(false);
                List<T> batch;
                while (!(batch = claim.get()).isEmpty()) {
                    List<Future<?>> running = batch.stream().<Future<?>>map(item -> workers.submit(() -> work.accept(item)))
                            .toList();
                    for (Future<?> done : running) {
                        done.get();
                    }
                }
            } while (again.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | ExecutionException e) {
            log.log(Level.SEVERE, what + " failed; the next tick tries again", e);
        } finally {
            draining.set(false);
        }
    }
}
