package dev.openhands.jiradc.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads that check jobs and process triggers: made by the server's managed thread factory, so that they run
 * with the application's context (its class loader, JNDI names, transactions), and kept in a pool. Not the managed
 * executor: Payara's looks its context providers up again for every task it is handed (a ServiceLoader scan of every
 * jar in the WAR), which cost the job follower about a tenth of its CPU, once per check.
 */
@ApplicationScoped
public class Workers implements Executor {

    /** Enough for the inbox's and the follower's batches of eight at once, and the jobs due soon; more wait. */
    static final int MOST = 32;

    @Resource
    ManagedThreadFactory threads;

    private ThreadPoolExecutor pool;

    @PostConstruct
    void start() {
        pool = new ThreadPoolExecutor(MOST, MOST, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), threads);
        pool.allowCoreThreadTimeOut(true); // idle threads end after a minute
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
