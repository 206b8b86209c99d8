package dev.openhands.jiradc.testing;

import java.util.Optional;
import java.util.function.Supplier;

/** Waits for what the service does after answering: processing the inbox, writing the delivery log. */
public final class Eventually {

    private static final long TIMEOUT_MILLIS = 20_000;

    private Eventually() {
    }

    public static <T> T await(Supplier<Optional<T>> condition, String what) {
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
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
