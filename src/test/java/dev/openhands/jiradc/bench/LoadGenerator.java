package dev.openhands.jiradc.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Sends the workload to one target at a time, over HTTP/1.1 keep-alive connections to localhost. */
final class LoadGenerator {

    /** Latencies are recorded in microseconds, up to a minute. */
    private static final long MAX_LATENCY_MICROS = TimeUnit.MINUTES.toMicros(1);

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Workload workload;
    /** Everything each target answered, inside a measuring window or not: what its database must hold. */
    private final Map<Target, Outcomes> total = new ConcurrentHashMap<>();

    LoadGenerator(Workload workload) {
        this.workload = workload;
    }

    record Saturation(Outcomes outcomes, Duration duration) {
        double perSecond() {
            return outcomes.ok() * 1e9 / duration.toNanos();
        }
    }

    record FixedRate(Outcomes outcomes, Histogram latencyMicros) {
    }

    /** Closed loop: {@code clients} threads send back to back for the duration; what is answered within it counts. */
    Saturation saturate(Target target, int clients, Duration duration) throws InterruptedException {
        return saturate(target, clients, duration, new Outcomes());
    }

    /** The same, counting what is answered into {@code outcomes}. */
    Saturation saturate(Target target, int clients, Duration duration, Outcomes outcomes) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        for (int i = 0; i < clients; i++) {
            threads.execute(() -> {
                while (System.nanoTime() < deadline) {
                    HttpRequest request = workload.next(target);
                    HttpResponse<String> response = null;
                    Throwable failure = null;
                    try {
                        response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    } catch (IOException e) {
                        failure = e;
                    } catch (InterruptedException e) {
                        return;
                    }
                    total(target).record(response, failure);
                    if (System.nanoTime() <= deadline) {
                        outcomes.record(response, failure);
                    }
                }
            });
        }
        threads.shutdown();
        if (!threads.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
            threads.shutdownNow();
        }
        return new Saturation(outcomes, duration);
    }

    /**
     * Open loop: one delivery every {@code 1/perSecond} s on a fixed schedule, whatever the server does,
     * each latency measured from the time the delivery was due to be sent (no coordinated omission: a
     * stall on either side shows up as latency of every delivery that should have gone out meanwhile).
     */
    FixedRate fixedRate(Target target, int perSecond, Duration duration) throws Exception {
        Outcomes outcomes = new Outcomes();
        Histogram latencies = new ConcurrentHistogram(MAX_LATENCY_MICROS, 3);
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long deliveries = perSecond * duration.toSeconds();
        long start = System.nanoTime() + interval;
        List<CompletableFuture<?>> answered = new ArrayList<>();
        for (long i = 0; i < deliveries; i++) {
            HttpRequest request = workload.next(target);
            long due = start + i * interval;
            parkUntil(due);
            answered.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
                long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - due);
                latencies.recordValue(Math.min(micros, MAX_LATENCY_MICROS));
                outcomes.record(response, failure);
                total(target).record(response, failure);
                return null;
            }));
        }
        CompletableFuture.allOf(answered.toArray(CompletableFuture[]::new)).get(1, TimeUnit.MINUTES);
        return new FixedRate(outcomes, latencies);
    }

    /** All that {@code target} answered so far, in every phase. */
    Outcomes total(Target target) {
        return total.computeIfAbsent(target, t -> new Outcomes());
    }

    private static void parkUntil(long nanoTime) {
        for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
