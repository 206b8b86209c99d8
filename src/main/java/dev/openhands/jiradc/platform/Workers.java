package dev.openhands.jiradc.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The threads that check jobs and process triggers: made by the server's managed thread factory, so that they run
 * with the application's context (its class loader, JNDI names, transactions), and kept in a pool. Not the managed
 * executor: Payara's looks its context providers up again for every task it is handed (a ServiceLoader scan of every
 * jar in the WAR), which cost the job follower about a tenth of its CPU, one check at a time.
 */
@ApplicationScoped
public class Workers implements Executor {

    @Resource
    ManagedThreadFactory threads;

    private ExecutorService pool;

    @PostConstruct
    void start() {
        // idle threads end after a minute; the batches claimed bound how many are busy at once
        pool = Executors.newCachedThreadPool(threads);
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    @Override
    public void execute(Runnable task) {
        pool.execute(task);
    }

    public <R> Future<R> submit(Callable<R> task) {
        return pool.submit(task);
    }
}
