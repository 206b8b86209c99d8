package dev.openhands.jiradc.webhooks.entity;

import java.time.Duration;
import java.util.Optional;

/** What a handler made of an inbox entry: done, failed for good, or to be tried again after a while. */
public record Handled(Outcome outcome, String result, Optional<Duration> retryAfter) {

    public enum Outcome {
        DONE, FAILED, RETRY
    }

    public static Handled done(String result) {
        return new Handled(Outcome.DONE, result, Optional.empty());
    }

    public static Handled failed(String reason) {
        return new Handled(Outcome.FAILED, "failed: " + reason, Optional.empty());
    }

    public static Handled retryAfter(Duration delay, String reason) {
        return new Handled(Outcome.RETRY, reason, Optional.of(delay));
    }
}
