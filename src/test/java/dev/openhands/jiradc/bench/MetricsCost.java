package dev.openhands.jiradc.bench;

import dev.openhands.jiradc.platform.Metrics;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * What counting costs the webhook path, timed in plain loops over {@link Metrics} (no JMH, no server): each delivery
 * calls {@code delivered(outcome)} once; a call to Jira or OpenHands calls {@code calling} and {@code called}. Prints
 * the CPU time per call of the calling threads (not the wall clock, which other processes on a shared machine stretch),
 * the median of ten rounds after five of warm-up, on one thread and on two at once (the two cores of this machine both
 * receiving). Asserts nothing: the figures are for comparing two builds of the same source on the same machine
 * (benchmarks.md), and for setting beside the server's CPU time per delivery.
 *
 * <pre>
 * ./mvnw -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -XX:+UseSerialGC -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     dev.openhands.jiradc.bench.MetricsCost
 * </pre>
 */
public final class MetricsCost {

    private static final int CALLS = 5_000_000;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    /** As the benchmark's workload: 19 deliveries in 20 ask for nothing, one is a trigger. */
    private static final String[] OUTCOMES = new String[20];

    static {
        Arrays.fill(OUTCOMES, "no trigger: the labels changed without adding openhands");
        OUTCOMES[0] = "trigger";
    }

    private MetricsCost() {
    }

    public static void main(String[] args) throws Exception {
        Metrics metrics = new Metrics();
        System.out.printf("%-42s %10s %10s %10s%n", "CPU ns per call (median of 10 rounds)", "1 thread", "2 threads",
                "bytes");
        report("delivered(outcome), once a delivery", metrics, MetricsCost::deliveries);
        report("calling + called, once an outbound call", metrics, MetricsCost::outboundCalls);
        String text = metrics.render();
        System.out.println("(rendered " + text.length() + " characters; "
                + text.lines().filter(line -> line.startsWith("openhands_jira_deliveries_total")).toList() + ")");
    }

    interface Loop {
        void run(Metrics metrics, int calls);
    }

    static void deliveries(Metrics metrics, int calls) {
        for (int i = 0; i < calls; i++) {
            metrics.delivered(OUTCOMES[i % OUTCOMES.length]);
        }
    }

    static void outboundCalls(Metrics metrics, int calls) {
        for (int i = 0; i < calls; i++) {
            metrics.calling("jira");
            metrics.called("jira", i % 50 == 0 ? 503 : 200, 20_000_000L + i % 1_000_000);
        }
    }

    static void report(String what, Metrics metrics, Loop loop) throws InterruptedException {
        System.out.printf("%-42s %10.1f %10.1f %10.1f%n", what, median(metrics, loop, 1), median(metrics, loop, 2),
                allocated(metrics, loop));
    }

    /**
     * Bytes allocated per call on this thread, after the loop was warmed up: garbage is CPU too, spent by the
     * collector.
     */
    static double allocated(Metrics metrics, Loop loop) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) CPU;
        long before = threads.getCurrentThreadAllocatedBytes();
        loop.run(metrics, CALLS);
        return (threads.getCurrentThreadAllocatedBytes() - before) / (double) CALLS;
    }

    static double median(Metrics metrics, Loop loop, int threads) throws InterruptedException {
        double[] rounds = new double[15];
        for (int round = 0; round < rounds.length; round++) {
            rounds[round] = round(metrics, loop, threads);
        }
        double[] measured = Arrays.copyOfRange(rounds, 5, rounds.length);
        Arrays.sort(measured);
        return (measured[4] + measured[5]) / 2;
    }

    /** CPU nanoseconds per call, each thread making {@link #CALLS} calls, all started together. */
    static double round(Metrics metrics, Loop loop, int threads) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        Thread[] workers = new Thread[threads];
        long[] nanos = new long[threads];
        for (int t = 0; t < threads; t++) {
            int index = t;
            workers[t] = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                long began = CPU.getCurrentThreadCpuTime();
                loop.run(metrics, CALLS);
                nanos[index] = CPU.getCurrentThreadCpuTime() - began;
            });
            workers[t].start();
        }
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        return Arrays.stream(nanos).average().orElseThrow() / CALLS;
    }
}
