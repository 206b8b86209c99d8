package dev.openhands.jiradc.testing;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Waits for what the service does after answering: processing the inbox, writing the delivery log. */
public final class Eventually {

    private static final long TIMEOUT_MILLIS = 20_000;

    private Eventually() {
    }

    public static <T> T await(Supplier<Optional<T>> condition, String what) {
        return await(condition, what, Duration.ofMillis(TIMEOUT_MILLIS));
    }

    /** For what the service may rightly take longer over, such as taking over the work of an instance that died. */
    public static <T> T await(Supplier<Optional<T>> condition, String what, Duration timeout) {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        while (System.currentTimeMillis() < deadline) {
            Optional<T> result = condition.get();
            if (result.isPresent()) {
                return result.get();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    /** Lets the service run for a while, before checking that it did nothing more. */
    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
