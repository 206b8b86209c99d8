package dev.openhands.jiradc.bench;

import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/** What the deliveries of one phase got back: answered 200 (and how many of those were triggers), or not. */
final class Outcomes {

    private final LongAdder ok = new LongAdder();
    private final LongAdder triggers = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();

    void record(HttpResponse<String> response, Throwable failure) {
        if (failure != null || response.statusCode() != 200) {
            failed.increment();
            firstFailure.compareAndSet(null, failure != null ? failure.toString()
                    : "HTTP " + response.statusCode() + " " + abbreviate(response.body()));
            return;
        }
        ok.increment();
        if (response.body().contains("\"outcome\":\"trigger")) {
            triggers.increment();
        } else if (response.body().contains("\"outcome\":\"duplicate\"")) {
            duplicates.increment();
        }
    }

    long ok() {
        return ok.sum();
    }

    long triggers() {
        return triggers.sum();
    }

    long duplicates() {
        return duplicates.sum();
    }

    long failed() {
        return failed.sum();
    }

    /** The first failure, for the report; empty when there was none. */
    String firstFailure() {
        return firstFailure.get() == null ? "" : firstFailure.get();
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "..." : body;
    }
}
